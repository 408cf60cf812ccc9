using System.Text.Json.Nodes;
using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.OpenStack;
using FuncCloud.Shared.OpenStack.Errors;
using FuncCloud.Shared.OpenStack.Validation;

namespace FuncCloud.Shared.Compute.Aggregates;

/// <summary>os-aggregates (admin): CRUD, hosts, metadata; hosts must be registered compute nodes.</summary>
public sealed class AggregateService(AggregateStore store, IComputeNodeReader nodes, ComputeApiPolicy policy, TimeProvider time)
{
    /// <summary>Every aggregate.</summary>
    public Task<IReadOnlyList<Aggregate>> ListAsync(ComputeCall call, CancellationToken cancellationToken)
    {
        policy.Enforce(ComputeApiPolicies.AggregatesIndex, call.Caller);
        return store.ListAsync(cancellationToken);
    }

    /// <summary>One aggregate.</summary>
    public Task<Aggregate> GetAsync(ComputeCall call, string id, CancellationToken cancellationToken)
    {
        policy.Enforce(ComputeApiPolicies.AggregatesShow, call.Caller);
        return store.GetAsync(id, cancellationToken);
    }

    /// <summary><c>POST /os-aggregates</c>.</summary>
    public async Task<Aggregate> CreateAsync(ComputeCall call, JsonObject body, CancellationToken cancellationToken)
    {
        policy.Enforce(ComputeApiPolicies.AggregatesCreate, call.Caller);
        var a = body.RequireMember("aggregate");
        a.RejectUnknown("aggregate", "name", "availability_zone");
        var name = a.RequireName("name");
        var zone = a.OptionalName("availability_zone");
        var metadata = zone is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [Aggregate.AvailabilityZoneKey] = zone };
        var now = time.GetUtcNow();
        return await store.CreateAsync(id => new Aggregate(id, Guid.NewGuid().ToString("D"), name, [], metadata, now, null), cancellationToken);
    }

    /// <summary><c>PUT /os-aggregates/{id}</c>: name and/or availability zone.</summary>
    public async Task<Aggregate> UpdateAsync(ComputeCall call, string id, JsonObject body, CancellationToken cancellationToken)
    {
        policy.Enforce(ComputeApiPolicies.AggregatesUpdate, call.Caller);
        var a = body.RequireMember("aggregate");
        a.RejectUnknown("aggregate", "name", "availability_zone");
        if (a.Count == 0)
        {
            throw new BadRequestException("Invalid input for field/attribute aggregate. Value: {}. {} does not have enough properties");
        }

        var name = a.ContainsKey("name") ? a.RequireName("name") : null;
        var zone = a.ContainsKey("availability_zone") ? a.OptionalString("availability_zone", 255) : null;
        return await store.UpdateAsync(id, x => x with
        {
            Name = name ?? x.Name,
            Metadata = a.ContainsKey("availability_zone") ? With(x.Metadata, Aggregate.AvailabilityZoneKey, zone) : x.Metadata,
            UpdatedAt = time.GetUtcNow(),
        }, cancellationToken);
    }

    /// <summary><c>DELETE /os-aggregates/{id}</c>: only empty aggregates (400 otherwise, as nova).</summary>
    public async Task DeleteAsync(ComputeCall call, string id, CancellationToken cancellationToken)
    {
        policy.Enforce(ComputeApiPolicies.AggregatesDelete, call.Caller);
        var aggregate = await store.GetAsync(id, cancellationToken);
        if (aggregate.Hosts.Count > 0)
        {
            throw new BadRequestException($"Cannot remove aggregate {id}: it still contains hosts.");
        }

        await store.DeleteAsync(aggregate, cancellationToken);
    }

    /// <summary><c>POST /os-aggregates/{id}/action</c>: <c>add_host</c>, <c>remove_host</c>, <c>set_metadata</c>.</summary>
    public async Task<Aggregate> ActAsync(ComputeCall call, string id, JsonObject body, CancellationToken cancellationToken)
    {
        if (body["add_host"] is JsonObject add)
        {
            policy.Enforce(ComputeApiPolicies.AggregatesAddHost, call.Caller);
            var host = add.RequireString("host");
            if (!(await nodes.ListAsync(cancellationToken)).Any(n => n.Name == host))
            {
                throw ComputeResourceNotFoundException.Host(host);
            }

            return await store.UpdateAsync(id, x => x.Hosts.Contains(host, StringComparer.Ordinal)
                ? throw new ConflictException($"Aggregate {id} already has host {host}.")
                : x with { Hosts = [.. x.Hosts, host], UpdatedAt = time.GetUtcNow() }, cancellationToken);
        }

        if (body["remove_host"] is JsonObject remove)
        {
            policy.Enforce(ComputeApiPolicies.AggregatesRemoveHost, call.Caller);
            var host = remove.RequireString("host");
            return await store.UpdateAsync(id, x => x.Hosts.Contains(host, StringComparer.Ordinal)
                ? x with { Hosts = x.Hosts.Where(h => h != host).ToList(), UpdatedAt = time.GetUtcNow() }
                : throw new ComputeResourceNotFoundException("aggregate_host", host, $"Cannot remove host {host} in aggregate {id}"), cancellationToken);
        }

        if (body["set_metadata"] is JsonObject set)
        {
            policy.Enforce(ComputeApiPolicies.AggregatesSetMetadata, call.Caller);
            var metadata = set.RequireMember("metadata");
            var changes = metadata.ToDictionary(m => m.Key, m => m.Value switch
            {
                null => null,
                JsonValue v when v.TryGetValue(out string? s) => s,
                JsonValue v => v.ToJsonString(),
                _ => throw NovaJson.Invalid(m.Key, m.Value.ToJsonString(), "is not of type 'string', 'null'"),
            });
            foreach (var (key, value) in changes)
            {
                TextRules.MetadataItem(key, value ?? string.Empty);
            }

            return await store.UpdateAsync(id, x =>
            {
                var merged = x.Metadata;
                foreach (var (key, value) in changes)
                {
                    merged = With(merged, key, value);
                }

                return x with { Metadata = merged, UpdatedAt = time.GetUtcNow() };
            }, cancellationToken);
        }

        throw new BadRequestException("Invalid input for field/attribute action. Expected one of add_host, remove_host, set_metadata.");
    }

    // A null value removes the key, as nova's set_metadata does.
    private static IReadOnlyDictionary<string, string> With(IReadOnlyDictionary<string, string> metadata, string key, string? value)
    {
        var copy = new Dictionary<string, string>(metadata);
        if (value is null)
        {
            copy.Remove(key);
        }
        else
        {
            copy[key] = value;
        }

        return copy;
    }
}

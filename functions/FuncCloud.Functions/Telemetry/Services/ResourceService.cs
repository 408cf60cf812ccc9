using System.Text.Json.Nodes;
using FuncCloud.Functions.Telemetry.Api;
using FuncCloud.Shared.Security;
using FuncCloud.Shared.Storage;
using FuncCloud.Shared.Telemetry.Index;
using Actions = FuncCloud.Functions.Telemetry.Services.MetricPolicyDefaults.Actions;

namespace FuncCloud.Functions.Telemetry.Services;

/// <summary>Resources: create with metrics, show, list, update (a new revision), delete, history, and their metrics.</summary>
public sealed class ResourceService(TelemetryIndexStore index, MetricService metrics, MetricAccess access, TimeProvider time)
{
    private static readonly HashSet<string> GenericKeys = ["id", "user_id", "project_id", "started_at", "ended_at", "metrics"];

    /// <summary>The type <paramref name="name"/>.</summary>
    /// <exception cref="ResourceTypeNotFoundException">Unknown.</exception>
    public static ResourceType Type(string name) => ResourceTypes.Find(name) ?? throw new ResourceTypeNotFoundException(name);

    /// <summary>The resource, if the caller may see it and it is of <paramref name="type"/> (any type for <c>generic</c>).</summary>
    /// <exception cref="TelemetryResourceNotFoundException">Missing, invisible or of another type.</exception>
    public async Task<ResourceRecord> GetVisibleAsync(RequestContext caller, string type, string resourceId, CancellationToken cancellationToken)
    {
        Type(type);
        var resource = await index.GetResourceAsync(ResourceIds.From(resourceId), cancellationToken);
        return resource is not null && MetricAccess.CanSee(caller, resource.ProjectId) && (type == ResourceTypes.Generic || resource.Type == type)
            ? resource
            : throw new TelemetryResourceNotFoundException(resourceId);
    }

    /// <summary>The resource as shown under <paramref name="type"/>.</summary>
    public JsonObject Show(RequestContext caller, string type, ResourceRecord resource)
    {
        access.Enforce(Actions.GetResource, caller, resource.ProjectId);
        return MetricWire.Resource(resource, Type(resource.Type), withAttributes: type != ResourceTypes.Generic);
    }

    /// <summary>The resources of <paramref name="type"/> the caller sees, matching <paramref name="filter"/>, sorted and paged.</summary>
    public async Task<JsonArray> ListAsync(RequestContext caller, string type, ResourceListQuery query, Func<JsonObject, bool>? filter, CancellationToken cancellationToken)
    {
        access.Enforce(Actions.ListResources, caller);
        var resourceType = Type(type);
        var withAttributes = type != ResourceTypes.Generic || query.Details;
        var rows = (await index.ListResourcesAsync(cancellationToken))
            .Where(r => MetricAccess.CanSee(caller, r.ProjectId) && (type == ResourceTypes.Generic || r.Type == type))
            .Select(r => (Record: r, Wire: MetricWire.Resource(r, ResourceTypes.Find(r.Type), withAttributes: true)))
            .Where(r => filter is null || filter(r.Wire))
            .ToList();
        var sorted = query.Sort(rows.Select(r => r.Wire)).ToList();
        var page = sorted.SkipWhile(w => query.Marker is not null && (string?)w["id"] != query.Marker).Skip(query.Marker is null ? 0 : 1).Take(query.Limit ?? int.MaxValue);
        return new JsonArray(page.Select(w =>
        {
            var record = rows.First(r => (string?)r.Wire["id"] == (string?)w["id"]).Record;
            return (JsonNode)MetricWire.Resource(record, resourceType.Name == ResourceTypes.Generic ? ResourceTypes.Find(record.Type) : resourceType, withAttributes);
        }).ToArray());
    }

    /// <summary><c>POST /v1/resource/{type}</c>: the resource and the metrics named in its body.</summary>
    public async Task<ResourceRecord> CreateAsync(RequestContext caller, string type, JsonObject body, CancellationToken cancellationToken)
    {
        var resourceType = Type(type);
        var given = body["id"] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length is > 0 and <= 255 && !s.Contains('/')
            ? s
            : throw new GnocchiCauseException("Invalid input", new JsonArray("id"), "required key not provided @ data['id']");
        var projectId = OptionalString(body, "project_id") ?? caller.ProjectId;
        access.Enforce(Actions.CreateResource, caller, projectId);
        var attributes = Attributes(resourceType, body, requireAll: true);
        var now = time.GetUtcNow();
        var id = ResourceIds.From(given);
        var resource = new ResourceRecord(
            id, type, given, projectId, OptionalString(body, "user_id"),
            body["started_at"] is { } started ? TelemetryTime.Parse(started, "started_at") : now,
            body["ended_at"] is { } ended ? TelemetryTime.Parse(ended, "ended_at") : null,
            now, attributes, new Dictionary<string, string>(), caller.UserId, caller.ProjectId);
        var created = new List<MetricRecord>();
        if (body["metrics"] is JsonObject named)
        {
            foreach (var (name, definition) in named)
            {
                var (_, unit, policy) = metrics.Definition(definition as JsonObject ?? [], name);
                created.Add(new MetricRecord(Guid.NewGuid().ToString("D"), name, unit, policy, id, projectId, caller.UserId, caller.ProjectId));
            }
        }

        resource = resource with { Metrics = created.ToDictionary(m => m.Name!, m => m.Id) };
        try
        {
            await index.InsertResourceAsync(resource, cancellationToken);
        }
        catch (DuplicateKeyException)
        {
            throw new TelemetryConflictException($"Resource {given} already exists");
        }

        foreach (var metric in created)
        {
            await index.InsertMetricAsync(metric, cancellationToken);
        }

        return resource;
    }

    /// <summary><c>PATCH</c>: changes attributes / lifetime; a change starts a new revision.</summary>
    public async Task<ResourceRecord> UpdateAsync(RequestContext caller, ResourceRecord resource, JsonObject body, CancellationToken cancellationToken)
    {
        access.Enforce(Actions.UpdateResource, caller, resource.ProjectId);
        var type = Type(resource.Type);
        foreach (var key in new[] { "id", "project_id", "started_at" })
        {
            if (body.ContainsKey(key))
            {
                throw new GnocchiCauseException("Invalid input", new JsonArray(key), $"extra keys not allowed @ data['{key}']");
            }
        }

        var attributes = Attributes(type, body, requireAll: false);
        var now = time.GetUtcNow();
        var updated = await index.UpdateResourceAsync(resource.Id, current =>
        {
            var merged = current.Attributes.ToDictionary();
            foreach (var (k, value) in attributes)
            {
                merged[k] = value;
            }

            var endedAt = body.ContainsKey("ended_at") ? (body["ended_at"] is { } e ? TelemetryTime.Parse(e, "ended_at") : null) : current.EndedAt;
            var userId = body.ContainsKey("user_id") ? OptionalString(body, "user_id") : current.UserId;
            var changed = endedAt != current.EndedAt || userId != current.UserId || merged.Count != current.Attributes.Count
                || merged.Any(a => current.Attributes.GetValueOrDefault(a.Key) != a.Value);
            return changed ? current with { Attributes = merged, EndedAt = endedAt, UserId = userId, RevisionStart = now } : current;
        }, cancellationToken);
        return updated ?? throw new TelemetryResourceNotFoundException(resource.Id);
    }

    /// <summary>Deletes the resource, its history and its metrics.</summary>
    public async Task DeleteAsync(RequestContext caller, ResourceRecord resource, CancellationToken cancellationToken)
    {
        access.Enforce(Actions.DeleteResource, caller, resource.ProjectId);
        foreach (var metricId in resource.Metrics.Values)
        {
            if (await index.GetMetricAsync(metricId, cancellationToken) is { } metric)
            {
                await metrics.DeleteAsync(caller, metric with { ResourceId = null }, cancellationToken);
            }
        }

        await index.DeleteResourceAsync(resource.Id, cancellationToken);
    }

    /// <summary>The revisions of the resource, oldest first, the current one last.</summary>
    public async Task<JsonArray> HistoryAsync(RequestContext caller, string type, ResourceRecord resource, CancellationToken cancellationToken)
    {
        access.Enforce(Actions.GetResource, caller, resource.ProjectId);
        var resourceType = Type(resource.Type);
        var withAttributes = type != ResourceTypes.Generic;
        var revisions = await index.ListRevisionsAsync(resource.Id, cancellationToken);
        return new JsonArray(revisions.Select(r => (JsonNode)MetricWire.Resource(r.Resource, resourceType, withAttributes, r.RevisionEnd))
            .Append(MetricWire.Resource(resource, resourceType, withAttributes)).ToArray());
    }

    /// <summary>The metric <paramref name="name"/> of the resource.</summary>
    /// <exception cref="MetricNotFoundException">The resource has no such metric.</exception>
    public async Task<MetricRecord> MetricAsync(ResourceRecord resource, string name, CancellationToken cancellationToken) =>
        resource.Metrics.TryGetValue(name, out var id) && await index.GetMetricAsync(id, cancellationToken) is { } metric
            ? metric
            : throw new MetricNotFoundException(name);

    /// <summary><c>POST .../metric</c>: <c>{name: {archive_policy_name, unit}}</c>; an existing name is a 409.</summary>
    public async Task<JsonArray> AddMetricsAsync(RequestContext caller, ResourceRecord resource, JsonObject body, CancellationToken cancellationToken)
    {
        access.Enforce(Actions.CreateMetric, caller, resource.ProjectId);
        var created = new List<MetricRecord>();
        foreach (var (name, definition) in body)
        {
            var (_, unit, policy) = metrics.Definition(definition as JsonObject ?? [], name);
            created.Add(new MetricRecord(Guid.NewGuid().ToString("D"), name, unit, policy, resource.Id, resource.ProjectId, caller.UserId, caller.ProjectId));
        }

        await AttachAsync(resource.Id, created, failOnExisting: true, cancellationToken);
        return new JsonArray(created.Select(m => (JsonNode)metrics.Listed(m)).ToArray());
    }

    /// <summary>Inserts <paramref name="created"/> and names them on the resource (all or nothing per name clash).</summary>
    public async Task<IReadOnlyList<MetricRecord>> AttachAsync(string resourceId, IReadOnlyList<MetricRecord> created, bool failOnExisting, CancellationToken cancellationToken)
    {
        var attached = new List<MetricRecord>();
        foreach (var metric in created)
        {
            await index.InsertMetricAsync(metric, cancellationToken);
            var won = false;
            await index.UpdateResourceAsync(resourceId, r =>
            {
                won = !r.Metrics.ContainsKey(metric.Name!);
                return won ? r with { Metrics = new Dictionary<string, string>(r.Metrics) { [metric.Name!] = metric.Id } } : r;
            }, cancellationToken);
            if (!won)
            {
                await index.DeleteMetricAsync(metric.Id, cancellationToken);
                if (failOnExisting)
                {
                    throw new TelemetryConflictException($"Named metric {metric.Name} already exists");
                }

                continue;
            }

            attached.Add(metric);
        }

        return attached;
    }

    private static Dictionary<string, string?> Attributes(ResourceType type, JsonObject body, bool requireAll)
    {
        var attributes = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (key, value) in body)
        {
            if (GenericKeys.Contains(key))
            {
                continue;
            }

            var attribute = type.Attributes.FirstOrDefault(a => a.Name == key)
                ?? throw new GnocchiCauseException("Invalid input", new JsonArray(key), $"extra keys not allowed @ data['{key}']");
            attributes[key] = value switch
            {
                null => null,
                JsonValue v when v.TryGetValue<string>(out var s) && s.Length <= attribute.MaxLength => s,
                _ => throw new GnocchiCauseException("Invalid input", new JsonArray(key), $"expected str for dictionary value @ data['{key}']"),
            };
        }

        if (requireAll && type.Attributes.FirstOrDefault(a => a.Required && !attributes.ContainsKey(a.Name)) is { } missing)
        {
            throw new GnocchiCauseException("Invalid input", new JsonArray(missing.Name), $"required key not provided @ data['{missing.Name}']");
        }

        return attributes;
    }

    private static string? OptionalString(JsonObject body, string key) => body[key] switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) && s.Length <= 255 => s,
        _ => throw new GnocchiCauseException("Invalid input", new JsonArray(key), $"expected str for dictionary value @ data['{key}']"),
    };
}

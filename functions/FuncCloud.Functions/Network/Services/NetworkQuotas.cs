using System.Text.Json.Nodes;
using FuncCloud.Functions.Network.Api;
using FuncCloud.Shared.Network;
using FuncCloud.Shared.Security;
using Microsoft.Extensions.Options;

namespace FuncCloud.Functions.Network.Services;

/// <summary>
/// Neutron quotas: per-project limits (defaults from <see cref="NetworkOptions.DefaultQuotas"/>, overrides
/// stored as one document per project), usage counted from the project's resources, enforced on create
/// (409 <c>OverQuota</c>). Counting reads the kind, as every list does here (see docs/networking.md).
/// </summary>
public sealed class NetworkQuotas(NetworkStore store, NeutronContext context, IOptions<NetworkOptions> options)
{
    /// <summary>The effective limits of <paramref name="projectId"/>.</summary>
    public async Task<JsonObject> LimitsAsync(string projectId, CancellationToken cancellationToken)
    {
        var limits = Defaults();
        if (await store.GetAsync(ResourceKindNames.Quota, projectId, cancellationToken) is { } stored)
        {
            foreach (var (name, value) in stored.Body)
            {
                if (limits.ContainsKey(name))
                {
                    limits[name] = value?.DeepClone();
                }
            }
        }

        return limits;
    }

    /// <summary>The defaults (neutron's quota_* options).</summary>
    public JsonObject Defaults() => new(options.Value.DefaultQuotas.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)JsonValue.Create(p.Value))));

    /// <summary>Limits with usage: <c>{"network": {"limit", "used", "reserved"}}</c>.</summary>
    public async Task<JsonObject> DetailsAsync(string projectId, CancellationToken cancellationToken)
    {
        var details = new JsonObject();
        foreach (var (name, limit) in await LimitsAsync(projectId, cancellationToken))
        {
            details[name] = new JsonObject { ["limit"] = limit?.DeepClone(), ["used"] = await UsedAsync(name, projectId, cancellationToken), ["reserved"] = 0 };
        }

        return details;
    }

    /// <summary>Enforces the limit of <paramref name="kind"/> before one more is created.</summary>
    public async Task CheckAsync(string kind, string projectId, CancellationToken cancellationToken)
    {
        if (projectId.Length == 0 || !options.Value.DefaultQuotas.ContainsKey(kind))
        {
            return;
        }

        var limit = (await LimitsAsync(projectId, cancellationToken)).Int(kind) ?? -1;
        if (limit >= 0 && await UsedAsync(kind, projectId, cancellationToken) >= limit)
        {
            throw NeutronException.Conflict("OverQuota", $"Quota exceeded for resources: ['{kind}'].");
        }
    }

    /// <summary>Stores new limits for a project (admin).</summary>
    public async Task<JsonObject> UpdateAsync(RequestContext caller, string projectId, JsonObject request, CancellationToken cancellationToken)
    {
        context.Enforce("update_quota", caller, projectId);
        var limits = await LimitsAsync(projectId, cancellationToken);
        foreach (var (name, _) in request)
        {
            if (!limits.ContainsKey(name))
            {
                throw NeutronException.BadRequest($"Unrecognized attribute(s) '{name}'", "HTTPBadRequest");
            }

            var value = request.Int(name) ?? throw NeutronException.InvalidInput($"'{name}' needs an integer limit.");
            if (value < -1)
            {
                throw NeutronException.InvalidInput($"'{value}' should be greater than or equal to -1 for '{name}'.");
            }

            limits[name] = value;
        }

        var document = limits.Copy();
        document["id"] = projectId;
        document["project_id"] = projectId;
        for (var attempt = 0; ; attempt++)
        {
            var current = await store.GetAsync(ResourceKindNames.Quota, projectId, cancellationToken);
            var batch = new NetworkBatch();
            if (current is null)
            {
                batch.Add(ResourceKindNames.Quota, document);
            }
            else
            {
                batch.Replace(current, document);
            }

            try
            {
                await store.CommitAsync(batch, cancellationToken);
                return limits;
            }
            catch (Exception e) when (e is KeyTakenException or FuncCloud.Shared.Storage.ConcurrencyException && attempt < 5)
            {
            }
        }
    }

    /// <summary>Resets a project to the defaults (admin).</summary>
    public async Task ResetAsync(RequestContext caller, string projectId, CancellationToken cancellationToken)
    {
        context.Enforce("delete_quota", caller, projectId);
        if (await store.GetAsync(ResourceKindNames.Quota, projectId, cancellationToken) is { } current)
        {
            await store.CommitAsync(new NetworkBatch().Delete(current), cancellationToken);
        }
    }

    /// <summary>Every project with overridden limits (admin).</summary>
    public async Task<JsonArray> ListAsync(RequestContext caller, CancellationToken cancellationToken)
    {
        context.Enforce("get_quota:other", caller, string.Empty);
        var list = new JsonArray();
        foreach (var stored in await store.ListAsync(ResourceKindNames.Quota, cancellationToken))
        {
            var limits = await LimitsAsync(stored.Id, cancellationToken);
            limits["project_id"] = stored.Id;
            limits["tenant_id"] = stored.Id;
            list.Add(limits);
        }

        return list;
    }

    /// <summary>Enforces read access to <paramref name="projectId"/>'s quota (own project, or admin).</summary>
    public void EnforceRead(RequestContext caller, string projectId)
    {
        if (caller.ProjectId != projectId)
        {
            context.Enforce("get_quota:other", caller, projectId);
        }
    }

    private async Task<long> UsedAsync(string kind, string projectId, CancellationToken cancellationToken) =>
        (await store.ListAsync(kind, cancellationToken)).Count(r => r.Body.Project() == projectId);
}

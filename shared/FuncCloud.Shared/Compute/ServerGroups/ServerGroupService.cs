using System.Text.Json.Nodes;
using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.Compute.Quotas;
using FuncCloud.Shared.OpenStack;
using FuncCloud.Shared.OpenStack.Errors;

namespace FuncCloud.Shared.Compute.ServerGroups;

/// <summary>
/// os-server-groups: <c>policies</c> (a one-element list) before 2.64, <c>policy</c> + <c>rules</c> from 2.64;
/// soft policies from 2.15; <c>server_groups</c> quota.
/// </summary>
public sealed class ServerGroupService(IServerGroupStore store, IComputeQuotaService quotas, ComputeApiPolicy policy, TimeProvider time)
{
    /// <summary><c>POST /os-server-groups</c>.</summary>
    public async Task<ServerGroup> CreateAsync(ComputeCall call, JsonObject body, CancellationToken cancellationToken)
    {
        policy.Enforce(ComputeApiPolicies.ServerGroupsCreate, call.Caller);
        var g = body.RequireMember("server_group");
        var modern = call.Version.IsAtLeast(2, 64);
        g.RejectUnknown("server_group", modern ? ["name", "policy", "rules"] : ["name", "policies"]);
        var name = g.RequireName("name");
        string chosen;
        int? maxPerHost = null;
        if (modern)
        {
            chosen = g.RequireString("policy");
            if (g.OptionalObject("rules") is { } rules)
            {
                rules.RejectUnknown("rules", "max_server_per_host");
                maxPerHost = rules.OptionalInt("max_server_per_host", 1);
                if (maxPerHost is not null && chosen != ServerGroupPolicies.AntiAffinity)
                {
                    throw new BadRequestException("Only anti-affinity policy supports rules.");
                }
            }
        }
        else
        {
            var policies = g.OptionalStringList("policies") ?? throw NovaJson.Invalid("policies", "None", "'policies' is a required property");
            chosen = policies.Count == 1 ? policies[0] : throw NovaJson.Invalid("policies", g["policies"]!.ToJsonString(), "must contain exactly one policy");
        }

        var allowed = call.Version.IsAtLeast(2, 15) ? ServerGroupPolicies.All : ServerGroupPolicies.Hard;
        if (!allowed.Contains(chosen))
        {
            throw NovaJson.Invalid(modern ? "policy" : "policies", chosen, $"'{chosen}' is not one of [{string.Join(", ", allowed.Select(p => $"'{p}'"))}]");
        }

        var projectId = call.ProjectId;
        var existing = await store.ListAsync(projectId, cancellationToken);
        await quotas.EnforceCountAsync(projectId, ComputeQuotaResources.ServerGroups, existing.Count, 1, QuotaMessages.ServerGroups, cancellationToken);
        var group = new ServerGroup(Guid.NewGuid().ToString("D"), name, projectId, call.Caller.UserId, chosen, maxPerHost, [], time.GetUtcNow());
        await store.CreateAsync(group, cancellationToken);
        return group;
    }

    /// <summary><c>GET /os-server-groups</c>: the project's groups, or all with <c>all_projects</c> (admin).</summary>
    public async Task<IReadOnlyList<ServerGroup>> ListAsync(ComputeCall call, CancellationToken cancellationToken)
    {
        policy.Enforce(ComputeApiPolicies.ServerGroupsIndex, call.Caller);
        var all = NovaJson.ParseBoolean(call.Query("all_projects")) == true
            && policy.IsAllowed(ComputeApiPolicies.ServerGroupsIndexAllProjects, call.Caller);
        return await store.ListAsync(all ? null : call.ProjectId, cancellationToken);
    }

    /// <summary><c>GET /os-server-groups/{id}</c>: the caller's project's group (admins: any).</summary>
    public async Task<ServerGroup> GetAsync(ComputeCall call, string groupId, CancellationToken cancellationToken)
    {
        var group = await store.FindAsync(groupId, cancellationToken) ?? throw ComputeResourceNotFoundException.ServerGroup(groupId);
        policy.Enforce(ComputeApiPolicies.ServerGroupsShow, call.Caller, group.ProjectId);
        return group;
    }

    /// <summary><c>DELETE /os-server-groups/{id}</c>.</summary>
    public async Task DeleteAsync(ComputeCall call, string groupId, CancellationToken cancellationToken)
    {
        var group = await store.FindAsync(groupId, cancellationToken) ?? throw ComputeResourceNotFoundException.ServerGroup(groupId);
        policy.Enforce(ComputeApiPolicies.ServerGroupsDelete, call.Caller, group.ProjectId);
        await store.DeleteAsync(groupId, cancellationToken);
    }
}

using System.Text.Json.Nodes;
using FuncCloud.Functions.Network.Api;
using FuncCloud.Functions.Network.Services;
using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.Compute.Servers;
using FuncCloud.Shared.Network;
using FuncCloud.Shared.OpenStack.Errors;
using FuncCloud.Shared.Security;

namespace FuncCloud.Functions.Network.Compute;

/// <summary>
/// A server's security groups are its ports' (nova with neutron keeps none of its own): <c>addSecurityGroup</c>
/// adds the group to every port of the server, <c>removeSecurityGroup</c> takes it off them, and
/// <c>GET /servers/{id}/os-security-groups</c> lists the groups on its ports in nova's shape.
/// </summary>
public sealed class ServerSecurityGroups(NetworkStore store, PortKind ports, SecurityGroupKind groupKind)
{
    /// <summary>nova's <c>addSecurityGroup</c>: 404 unknown group or no ports, 400 already there, 409 ambiguous name.</summary>
    public Task AddAsync(RequestContext caller, ServerRecord server, string name, CancellationToken cancellationToken) =>
        ChangeAsync(caller, server, name, add: true, cancellationToken);

    /// <summary>nova's <c>removeSecurityGroup</c>: 404 unknown group, 400 when the server does not have it.</summary>
    public Task RemoveAsync(RequestContext caller, ServerRecord server, string name, CancellationToken cancellationToken) =>
        ChangeAsync(caller, server, name, add: false, cancellationToken);

    /// <summary><c>{"security_groups": [...]}</c> of the groups on the server's ports (ingress rules, nova's rule view).</summary>
    public async Task<JsonObject> ListAsync(ServerRecord server, CancellationToken cancellationToken)
    {
        var ids = (await PortsAsync(server.Id, cancellationToken)).SelectMany(p => p.Strings("security_groups") ?? []).Distinct(StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
        return await RenderAsync(g => ids.Contains(g.Id()), cancellationToken);
    }

    /// <summary>nova's deprecated proxy <c>GET /os-security-groups</c> (before 2.36): the project's groups.</summary>
    public async Task<JsonObject> ListProjectAsync(string projectId, CancellationToken cancellationToken)
    {
        await groupKind.EnsureDefaultAsync(projectId, cancellationToken);
        return await RenderAsync(g => g.Project() == projectId, cancellationToken);
    }

    /// <summary>nova's deprecated proxy <c>GET /os-security-groups/{id}</c>: one of the project's groups, 404 otherwise.</summary>
    public async Task<JsonObject> ShowProjectAsync(string projectId, string id, CancellationToken cancellationToken)
    {
        var found = (await RenderAsync(g => g.Project() == projectId && g.Id() == id, cancellationToken))["security_groups"]!.AsArray().FirstOrDefault()
            ?? throw new ComputeResourceNotFoundException("security_group", id, $"Security group {id} not found.");
        return new JsonObject { ["security_group"] = found.DeepClone() };
    }

    private async Task<JsonObject> RenderAsync(Func<JsonObject, bool> which, CancellationToken cancellationToken)
    {
        var groups = (await store.ListAsync(ResourceKindNames.SecurityGroup, cancellationToken)).Select(g => g.Body).Where(which).ToList();
        var ids = groups.Select(g => g.Id()).ToHashSet(StringComparer.Ordinal);
        var names = groups.ToDictionary(g => g.Id(), g => g.StrOr("name", string.Empty), StringComparer.Ordinal);
        var rules = (await store.ListAsync(ResourceKindNames.SecurityGroupRule, cancellationToken)).Select(r => r.Body)
            .Where(r => ids.Contains(r.Str("security_group_id") ?? string.Empty) && r.Str("direction") == "ingress").ToList();
        return new JsonObject
        {
            ["security_groups"] = new JsonArray([.. groups.OrderBy(g => g.Str("name"), StringComparer.Ordinal).Select(g => (JsonNode)new JsonObject
            {
                ["description"] = g.StrOr("description", string.Empty),
                ["id"] = g.Id(),
                ["name"] = g.StrOr("name", string.Empty),
                ["rules"] = new JsonArray([.. rules.Where(r => r.Str("security_group_id") == g.Id()).Select(r => (JsonNode)Rule(r, names))]),
                ["tenant_id"] = g.Project(),
            })]),
        };
    }

    // nova's _format_security_group_rule.
    private static JsonObject Rule(JsonObject rule, Dictionary<string, string> names) => new()
    {
        ["from_port"] = rule.Int("port_range_min") is { } from ? from : -1,
        ["group"] = rule.Str("remote_group_id") is { } remote ? new JsonObject { ["name"] = names.GetValueOrDefault(remote), ["tenant_id"] = rule.Project() } : new JsonObject(),
        ["id"] = rule.Id(),
        ["ip_protocol"] = rule.Str("protocol"),
        ["ip_range"] = rule.Str("remote_ip_prefix") is { } cidr ? new JsonObject { ["cidr"] = cidr } : rule.Str("remote_group_id") is null ? new JsonObject { ["cidr"] = rule.Str("ethertype") == "IPv6" ? "::/0" : "0.0.0.0/0" } : new JsonObject(),
        ["parent_group_id"] = rule.Str("security_group_id"),
        ["to_port"] = rule.Int("port_range_max") is { } to ? to : -1,
    };

    private async Task ChangeAsync(RequestContext caller, ServerRecord server, string name, bool add, CancellationToken cancellationToken)
    {
        var matches = (await store.ListAsync(ResourceKindNames.SecurityGroup, cancellationToken)).Select(g => g.Body)
            .Where(g => g.Project() == server.ProjectId && (g.Id() == name || g.Str("name") == name)).ToList();
        var group = matches.Count switch
        {
            0 => throw new ComputeResourceNotFoundException("security_group", name, $"Security group {name} not found for project {server.ProjectId}."),
            1 => matches[0],
            _ => throw new ConflictException($"Multiple security_group matches found for name '{name}', use an ID to be more specific."),
        };
        var serverPorts = await PortsAsync(server.Id, cancellationToken);
        if (serverPorts.Count == 0)
        {
            throw new ComputeResourceNotFoundException("security_group", name, $"instance_id {server.Id} could not be found as device id on any ports");
        }

        var having = serverPorts.Where(p => (p.Strings("security_groups") ?? []).Contains(group.Id())).ToList();
        if (add && having.Count == serverPorts.Count)
        {
            throw new BadRequestException($"Security group {name} is already associated with the instance {server.Id}");
        }

        if (!add && having.Count == 0)
        {
            throw new BadRequestException($"Security group {name} not associated with the instance {server.Id}");
        }

        var acting = NetworkServiceCaller.For(server.ProjectId);
        foreach (var port in add ? serverPorts.Except(having) : having)
        {
            var current = port.Strings("security_groups") ?? [];
            var updated = add ? [.. current, group.Id()] : current.Where(g => g != group.Id()).ToList();
            try
            {
                await ports.UpdateAsync(acting, port.Id(), new JsonObject { ["security_groups"] = updated.ToJsonArray() }, null, cancellationToken);
            }
            catch (NeutronException e) when (e.StatusCode == 409)
            {
                throw new BadRequestException(e.Message); // e.g. port security disabled on that port
            }
        }
    }

    private async Task<List<JsonObject>> PortsAsync(string serverId, CancellationToken cancellationToken) =>
        [.. (await store.ListAsync(ResourceKindNames.Port, cancellationToken)).Select(p => p.Body).Where(p => p.Str("device_id") == serverId)];
}

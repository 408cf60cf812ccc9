using System.Text.Json.Nodes;
using FuncCloud.Functions.Network.Api;
using FuncCloud.Functions.Network.Services;
using FuncCloud.Shared.Network;
using FuncCloud.Shared.Security;

namespace FuncCloud.Functions.Network.Compute;

/// <summary>
/// neutron's auto-allocated topology ("get me a network"): per project one network, a subnet from the default
/// IPv4 subnet pool and a router with its gateway on the default external network (the one flagged
/// <c>is_default</c>, else the only external network). The project's topology is recorded as a reservation
/// key holding the network id, so two concurrent requests end with one topology (the loser removes its own).
/// </summary>
public sealed class AutoAllocatedTopology(NeutronContext context, NetworkKind networks, SubnetKind subnets, RouterKind routers, RouterInterfaces interfaces)
{
    private const string NetworkName = "auto_allocated_network";
    private const string SubnetName = "auto_allocated_subnet_v4";
    private const string RouterName = "auto_allocated_router";

    /// <summary>The project's topology network id, made when missing (nova's <c>networks: auto</c>).</summary>
    public async Task<string> EnsureNetworkAsync(string projectId, CancellationToken cancellationToken)
    {
        if (await ExistingAsync(projectId, cancellationToken) is { } existing)
        {
            return existing;
        }

        var caller = NetworkServiceCaller.For(projectId);
        var external = await DefaultExternalAsync(cancellationToken);
        var pool = (await context.Store.ListAsync(ResourceKindNames.SubnetPool, cancellationToken)).FirstOrDefault(p => p.Body.Bool("is_default", false) && p.Body.Int("ip_version") == 4)
            ?? throw Failure("No default subnetpools defined.");
        var network = await networks.CreateAsync(caller, new JsonObject { ["name"] = NetworkName, ["project_id"] = projectId }, cancellationToken);
        JsonObject? router = null;
        try
        {
            var subnet = await subnets.CreateAsync(caller, new JsonObject
            {
                ["name"] = SubnetName, ["network_id"] = network.Id(), ["ip_version"] = 4, ["subnetpool_id"] = pool.Id, ["project_id"] = projectId,
            }, cancellationToken);
            router = await routers.CreateAsync(caller, new JsonObject
            {
                ["name"] = RouterName, ["project_id"] = projectId, ["external_gateway_info"] = new JsonObject { ["network_id"] = external.Id() },
            }, cancellationToken);
            await interfaces.AddAsync(caller, router.Id(), new JsonObject { ["subnet_id"] = subnet.Id() }, cancellationToken);
            await context.Store.CommitAsync(new NetworkBatch().Reserve(NetworkKey(projectId), network.Id()).Reserve(RouterKey(projectId), router.Id()), cancellationToken);
            return network.Id();
        }
        catch (Exception e) when (e is NeutronException or KeyTakenException)
        {
            // Nothing half-made: remove this attempt; a concurrent request that won keeps its topology.
            await RemoveAsync(caller, network.Id(), router?.Id(), cancellationToken);
            if (e is KeyTakenException && await ExistingAsync(projectId, cancellationToken) is { } winner)
            {
                return winner;
            }

            throw;
        }
    }

    /// <summary><c>GET /v2.0/auto-allocated-topology/{project_id}</c>: the topology (made when missing), or the dry run's verdict.</summary>
    public async Task<JsonObject> GetAsync(RequestContext caller, string projectId, bool dryRun, CancellationToken cancellationToken)
    {
        Authorize(caller, projectId, "get_auto_allocated_topology");
        if (dryRun)
        {
            await DefaultExternalAsync(cancellationToken);
            return new JsonObject { ["auto_allocated_topology"] = new JsonObject { ["dry-run"] = "pass" } };
        }

        var networkId = await EnsureNetworkAsync(projectId, cancellationToken);
        return new JsonObject { ["auto_allocated_topology"] = new JsonObject { ["id"] = networkId, ["tenant_id"] = projectId, ["project_id"] = projectId } };
    }

    /// <summary><c>DELETE /v2.0/auto-allocated-topology/{project_id}</c>: removes the topology (409 while ports use it).</summary>
    public async Task DeleteAsync(RequestContext caller, string projectId, CancellationToken cancellationToken)
    {
        Authorize(caller, projectId, "delete_auto_allocated_topology");
        var networkId = await context.Store.KeyOwnerAsync(NetworkKey(projectId), cancellationToken)
            ?? throw NeutronException.NotFound("NotFound", $"Auto Allocated Topology for project {projectId} could not be found.");
        var routerId = await context.Store.KeyOwnerAsync(RouterKey(projectId), cancellationToken);
        var used = (await context.Store.ListAsync(ResourceKindNames.Port, cancellationToken))
            .Any(p => p.Body.Str("network_id") == networkId && !p.Body.StrOr("device_owner", string.Empty).StartsWith("network:", StringComparison.Ordinal));
        if (used)
        {
            throw NeutronException.Conflict("NetworkInUse", $"Unable to complete operation on network {networkId}. There are one or more ports still in use on the network.");
        }

        await RemoveAsync(NetworkServiceCaller.For(projectId), networkId, routerId, cancellationToken);
        await context.Store.CommitAsync(new NetworkBatch().Release(NetworkKey(projectId)).Release(RouterKey(projectId)), cancellationToken);
    }

    private static string NetworkKey(string projectId) => "auto-topology-network:" + projectId;

    private static string RouterKey(string projectId) => "auto-topology-router:" + projectId;

    private static NeutronException Failure(string reason) =>
        NeutronException.Conflict("AutoAllocationFailure", $"Deployment error: {reason}");

    // neutron's policy: the project's own members (and admins) only.
    private static void Authorize(RequestContext caller, string projectId, string action)
    {
        if (!caller.IsAdmin && caller.ProjectId != projectId)
        {
            throw new NeutronException(403, "PolicyNotAuthorized", $"({action}) is disallowed by policy");
        }
    }

    private async Task<string?> ExistingAsync(string projectId, CancellationToken cancellationToken) =>
        await context.Store.KeyOwnerAsync(NetworkKey(projectId), cancellationToken) is { } id && await context.Store.GetAsync(ResourceKindNames.Network, id, cancellationToken) is not null ? id : null;

    private async Task<JsonObject> DefaultExternalAsync(CancellationToken cancellationToken)
    {
        var external = (await context.Store.ListAsync(ResourceKindNames.Network, cancellationToken)).Select(n => n.Body).Where(n => n.Bool("router:external", false)).ToList();
        return external.FirstOrDefault(n => n.Bool("is_default", false)) ?? (external.Count == 1 ? external[0] : null)
            ?? throw Failure("No default router:external network.");
    }

    private async Task RemoveAsync(RequestContext caller, string networkId, string? routerId, CancellationToken cancellationToken)
    {
        if (routerId is not null)
        {
            foreach (var subnet in (await context.Store.ListAsync(ResourceKindNames.Subnet, cancellationToken)).Where(s => s.Body.Str("network_id") == networkId))
            {
                await Quietly(() => interfaces.RemoveAsync(caller, routerId, new JsonObject { ["subnet_id"] = subnet.Id }, cancellationToken));
            }

            await Quietly(() => routers.DeleteAsync(caller, routerId, cancellationToken));
        }

        await Quietly(() => networks.DeleteAsync(caller, networkId, cancellationToken));
    }

    private static async Task Quietly(Func<Task> step)
    {
        try
        {
            await step();
        }
        catch (NeutronException e) when (e.StatusCode == 404)
        {
            // Already gone.
        }
    }
}

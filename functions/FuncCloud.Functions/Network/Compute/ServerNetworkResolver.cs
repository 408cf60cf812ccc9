using System.Net;
using FuncCloud.Functions.Network.Services;
using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.Compute.Servers;
using FuncCloud.Shared.Network;
using FuncCloud.Shared.OpenStack.Errors;
using FuncCloud.Shared.Security;

namespace FuncCloud.Functions.Network.Compute;

/// <summary>
/// nova's <c>validate_networks</c> at the API, before anything is stored or started: every requested network
/// and port exists for the caller, ports are free and the caller's, security groups resolve to the project's
/// groups; <c>auto</c> and the pre-2.37 default become the one network the project can use (or get-me-a-network).
/// Errors are nova's (400 / 409), so a refused boot leaves nothing behind.
/// </summary>
public sealed class ServerNetworkResolver(NeutronContext context, NetworkKind networks, SecurityGroupKind groups)
{
    /// <summary>What the boot request's networks and security groups resolve to.</summary>
    public async Task<(ServerNetworkRequest Networks, IReadOnlyList<string> SecurityGroups)> ResolveAsync(
        RequestContext caller, string projectId, ServerNetworkRequest requested, IReadOnlyList<string> securityGroups, int maxCount, ComputeApiVersion version, CancellationToken cancellationToken)
    {
        var resolved = requested.Mode switch
        {
            ServerNetworkRequest.NoneMode => requested,
            ServerNetworkRequest.AutoMode => await DefaultAsync(caller, projectId, version.IsAtLeast(2, 37), cancellationToken),
            _ => new ServerNetworkRequest(ServerNetworkRequest.ExplicitMode, await ExplicitAsync(caller, projectId, requested.Requests, maxCount, cancellationToken)),
        };
        return (resolved, resolved.Mode == ServerNetworkRequest.NoneMode ? [] : await SecurityGroupsAsync(caller, projectId, securityGroups, cancellationToken));
    }

    // No networks named: the only network the project can use (its own and shared ones, as nova's
    // _get_available_networks); none → no ports before 2.37, get-me-a-network for "auto"; several → 409.
    private async Task<ServerNetworkRequest> DefaultAsync(RequestContext caller, string projectId, bool autoAllocate, CancellationToken cancellationToken)
    {
        var shared = await context.RbacGrantsAsync("network", "access_as_shared", projectId, cancellationToken);
        var available = (await context.Store.ListAsync(ResourceKindNames.Network, cancellationToken)).Select(n => n.Body)
            .Where(n => n.Project() == projectId || n.Bool("shared", false) || shared.Contains(n.Id())).ToList();
        if (available.Count > 1)
        {
            throw new ConflictException("Multiple possible networks found, use a Network ID to be more specific.");
        }

        if (available.Count == 1)
        {
            await RequireSubnetAsync(available[0].Id(), cancellationToken);
            return new ServerNetworkRequest(ServerNetworkRequest.ExplicitMode, [new RequestedNetwork(available[0].Id(), null, null, null)]);
        }

        return autoAllocate ? new ServerNetworkRequest(ServerNetworkRequest.AutoMode, []) : ServerNetworkRequest.None;
    }

    private async Task<IReadOnlyList<RequestedNetwork>> ExplicitAsync(RequestContext caller, string projectId, IReadOnlyList<RequestedNetwork> requests, int maxCount, CancellationToken cancellationToken)
    {
        var result = new List<RequestedNetwork>();
        var visible = await networks.VisibilityAsync(caller, cancellationToken);
        foreach (var request in requests)
        {
            if (request.FixedIp is { } fixedIp && !IPAddress.TryParse(fixedIp, out _))
            {
                throw new BadRequestException($"Invalid fixed IP address ({fixedIp})");
            }

            if (request.Port is { } portId)
            {
                if (maxCount > 1)
                {
                    throw new BadRequestException("Unable to launch multiple instances with a single configured port ID. Please launch your instance one by one with different ports.");
                }

                var port = await context.Store.GetAsync(ResourceKindNames.Port, portId, cancellationToken);
                if (port is null || (!caller.IsAdmin && port.Body.Project() != projectId))
                {
                    throw new BadRequestException($"Port id {portId} could not be found.");
                }

                if (port.Body.StrOr("device_id", string.Empty).Length > 0)
                {
                    throw new ConflictException($"Port {portId} is still in use.");
                }

                if (port.Body.Objects("fixed_ips").FirstOrDefault() is null)
                {
                    throw new BadRequestException($"Port {portId} requires a FixedIP in order to be used.");
                }

                result.Add(request with { Uuid = port.Body.Str("network_id") });
                continue;
            }

            var network = await context.Store.GetAsync(ResourceKindNames.Network, request.Uuid!, cancellationToken);
            if (network is null || !visible(network.Body) || !await context.MayUseNetworkAsync(caller, network.Body, cancellationToken))
            {
                throw new BadRequestException($"Network {request.Uuid} could not be found.");
            }

            await RequireSubnetAsync(network.Id, cancellationToken);
            result.Add(request);
        }

        return result;
    }

    private async Task RequireSubnetAsync(string networkId, CancellationToken cancellationToken)
    {
        if (!(await context.Store.ListAsync(ResourceKindNames.Subnet, cancellationToken)).Any(s => s.Body.Str("network_id") == networkId))
        {
            throw new BadRequestException($"Network {networkId} requires a subnet in order to boot instances on.");
        }
    }

    // Names or ids of the project's groups (nova resolves names through neutron, within the project).
    private async Task<IReadOnlyList<string>> SecurityGroupsAsync(RequestContext caller, string projectId, IReadOnlyList<string> requested, CancellationToken cancellationToken)
    {
        if (requested.Count == 0)
        {
            return [];
        }

        var visible = await groups.VisibilityAsync(caller, cancellationToken);
        var own = (await context.Store.ListAsync(ResourceKindNames.SecurityGroup, cancellationToken)).Select(g => g.Body)
            .Where(g => g.Project() == projectId && visible(g)).ToList();
        var ids = new List<string>();
        foreach (var name in requested)
        {
            var matches = own.Where(g => g.Id() == name).ToList() is { Count: > 0 } byId ? byId : own.Where(g => g.Str("name") == name).ToList();
            ids.Add(matches.Count switch
            {
                0 => throw new BadRequestException($"Security group {name} not found for project {projectId}."),
                1 => matches[0].Id(),
                _ => throw new ConflictException($"Multiple security groups found matching '{name}'. Use an ID to be more specific."),
            });
        }

        return ids.Distinct().ToList();
    }
}

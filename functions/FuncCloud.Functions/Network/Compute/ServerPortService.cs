using System.Text.Json.Nodes;
using FuncCloud.Durable.Compute.Networking;
using FuncCloud.Functions.Compute.Servers.Services;
using FuncCloud.Functions.Network.Api;
using FuncCloud.Functions.Network.Services;
using FuncCloud.Shared.Compute;
using FuncCloud.Shared.Compute.Servers;
using FuncCloud.Shared.Network;
using FuncCloud.Shared.Network.Wiring;
using Microsoft.Extensions.Options;

namespace FuncCloud.Functions.Network.Compute;

/// <summary>
/// <see cref="IServerPorts"/> on Neutron's own port code: a server's port is created, bound, unbound and
/// deleted through <see cref="PortKind"/> exactly as the port API does it (IPAM, quotas, policy, the
/// network-sync to the nodes), with nova's identity (<see cref="NetworkServiceCaller"/>).
/// </summary>
public sealed class ServerPortService(ServerRepository servers, NetworkStore store, PortKind ports, AutoAllocatedTopology topology, IOptions<ComputeOptions> options) : IServerPorts
{
    /// <summary>nova's device_owner prefix for instance ports (<c>compute:&lt;zone&gt;</c>).</summary>
    public const string ComputeOwnerPrefix = "compute:";

    /// <inheritdoc />
    public async Task<AllocatePortsOutcome> AllocateAsync(AllocatePortsInput input, CancellationToken cancellationToken)
    {
        var server = await servers.FindAsync(input.ServerId, cancellationToken);
        if (server is null || server.IsDeleted)
        {
            return new AllocatePortsOutcome([], null);
        }

        var caller = NetworkServiceCaller.For(server.ProjectId);
        var owner = ComputeOwnerPrefix + (input.AvailabilityZone ?? "nova");
        try
        {
            var requests = server.Networks.Mode switch
            {
                ServerNetworkRequest.ExplicitMode => server.Networks.Requests,
                ServerNetworkRequest.AutoMode => [new RequestedNetwork(await topology.EnsureNetworkAsync(server.ProjectId, cancellationToken), null, null, null)],
                _ => [],
            };
            if (requests.Count == 0)
            {
                return new AllocatePortsOutcome([], null);
            }

            // A retried allocation finds the ports the first attempt made (device_id is the server).
            var bound = (await store.ListAsync(ResourceKindNames.Port, cancellationToken)).Select(p => p.Body).Where(p => p.Str("device_id") == server.Id).ToList();
            var result = new List<JsonObject>();
            foreach (var request in requests)
            {
                var port = request.Port is { } portId
                    ? bound.FirstOrDefault(p => p.Id() == portId) is { } mine ? await BindAsync(caller, mine.Id(), server.Id, owner, input.Node, cancellationToken) : await BindAsync(caller, portId, server.Id, owner, input.Node, cancellationToken)
                    : bound.FirstOrDefault(p => p.Str("network_id") == request.Uuid && !result.Any(r => r.Id() == p.Id()) && !IsUserPort(server, p.Id()))
                        ?? await ports.CreateAsync(caller, NewPort(server, request, owner, input.Node), cancellationToken);
                result.Add(port);
                if (request.Port is null && request.Tag is { } tag && server.InterfaceTags.GetValueOrDefault(port.Id()) != tag)
                {
                    server = await servers.UpdateAsync(server.Id, s => s with { InterfaceTags = Tagged(s, port.Id(), tag) }, cancellationToken) ?? server;
                }
            }

            var networks = (await store.ListAsync(ResourceKindNames.Network, cancellationToken)).ToDictionary(n => n.Id, n => n.Body, StringComparer.Ordinal);
            return new AllocatePortsOutcome([.. result.Select(p => Spec(p, networks.GetValueOrDefault(p.Str("network_id")!)))], null, options.Value.VifPluggedTimeout);
        }
        catch (NeutronException e)
        {
            return new AllocatePortsOutcome([], $"{e.Type}: {e.Message}");
        }
    }

    /// <summary>The interface tags of <paramref name="server"/> with <paramref name="portId"/> tagged <paramref name="tag"/>.</summary>
    public static IReadOnlyDictionary<string, string> Tagged(ServerRecord server, string portId, string tag) =>
        new Dictionary<string, string>(server.InterfaceTags, StringComparer.Ordinal) { [portId] = tag };

    /// <inheritdoc />
    public async Task ReleaseAsync(string serverId, CancellationToken cancellationToken)
    {
        var server = await servers.FindAsync(serverId, cancellationToken);
        foreach (var port in (await store.ListAsync(ResourceKindNames.Port, cancellationToken)).Select(p => p.Body).Where(p => p.Str("device_id") == serverId))
        {
            var caller = NetworkServiceCaller.For(port.Project());
            try
            {
                if (server is not null && IsUserPort(server, port.Id()))
                {
                    await ports.UpdateAsync(caller, port.Id(), Unbound(), null, cancellationToken);
                }
                else
                {
                    await ports.DeleteAsync(caller, port.Id(), cancellationToken);
                }
            }
            catch (NeutronException e) when (e.StatusCode == 404)
            {
                // Deleted meanwhile (the user's port API, or a retried release): nothing left to do.
            }
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> PendingAsync(IReadOnlyList<string> portIds, CancellationToken cancellationToken)
    {
        var pending = new List<string>();
        foreach (var portId in portIds)
        {
            if (await store.GetAsync(ResourceKindNames.Port, portId, cancellationToken) is { } port && port.Body.Str("status") != "ACTIVE")
            {
                pending.Add(portId);
            }
        }

        return pending;
    }

    /// <inheritdoc />
    public async Task ReleasePortAsync(string serverId, string portId, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(ResourceKindNames.Port, portId, cancellationToken) is not { } port || port.Body.Str("device_id") != serverId)
        {
            return; // gone, or already someone else's
        }

        var caller = NetworkServiceCaller.For(port.Body.Project());
        try
        {
            if (await servers.FindAsync(serverId, cancellationToken) is { } server && IsUserPort(server, portId))
            {
                await ports.UpdateAsync(caller, portId, Unbound(), null, cancellationToken);
                await servers.UpdateAsync(serverId, s => s with { Networks = s.Networks with { Requests = [.. s.Networks.Requests.Where(r => r.Port != portId)] } }, cancellationToken);
            }
            else
            {
                await ports.DeleteAsync(caller, portId, cancellationToken);
            }
        }
        catch (NeutronException e) when (e.StatusCode == 404)
        {
            // Deleted meanwhile: nothing left to do.
        }
    }

    /// <summary>The port body that unbinds a port from its server (nova's unbind on deallocate).</summary>
    public static JsonObject Unbound() => new() { ["device_id"] = string.Empty, ["device_owner"] = string.Empty, ["binding:host_id"] = string.Empty };

    /// <summary>The VIF of <paramref name="port"/> for the compute driver.</summary>
    public static NetworkPortSpec Spec(JsonObject port, JsonObject? network) => new(
        port.Id(),
        port.Str("network_id")!,
        port.Str("mac_address")!,
        [.. port.Objects("fixed_ips").Select(ip => ip.Str("ip_address")!)],
        NetworkDeviceNames.Bridge(port.Str("network_id")!),
        network?.Int("mtu") is { } mtu ? (int)mtu : null);

    /// <summary>Binds a port to the server on the node (re-checking it is still free: it may have been taken since the API checked).</summary>
    public async Task<JsonObject> BindAsync(Shared.Security.RequestContext caller, string portId, string serverId, string owner, string node, CancellationToken cancellationToken)
    {
        var current = await ports.RequireAsync(caller, portId, cancellationToken);
        if (current.Body.Str("device_id") is { Length: > 0 } device && device != serverId)
        {
            throw NeutronException.Conflict("PortInUse", $"Port {portId} is still in use.");
        }

        return await ports.UpdateAsync(caller, portId, new JsonObject { ["device_id"] = serverId, ["device_owner"] = owner, ["binding:host_id"] = node }, null, cancellationToken);
    }

    private static bool IsUserPort(ServerRecord server, string portId) => server.Networks.Requests.Any(r => r.Port == portId);

    private static JsonObject NewPort(ServerRecord server, RequestedNetwork request, string owner, string node)
    {
        var body = new JsonObject
        {
            ["project_id"] = server.ProjectId,
            ["network_id"] = request.Uuid,
            ["device_id"] = server.Id,
            ["device_owner"] = owner,
            ["binding:host_id"] = node,
        };
        if (request.FixedIp is { } fixedIp)
        {
            body["fixed_ips"] = new JsonArray(new JsonObject { ["ip_address"] = fixedIp });
        }

        if (server.SecurityGroups.Count > 0)
        {
            body["security_groups"] = server.SecurityGroups.ToJsonArray();
        }

        return body;
    }
}

using System.Text.Json.Nodes;
using FuncCloud.Functions.Network.Api;
using FuncCloud.Functions.Network.Services;
using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.Compute.Servers;
using FuncCloud.Shared.Network;
using FuncCloud.Shared.OpenStack;
using FuncCloud.Shared.OpenStack.Errors;
using Microsoft.DurableTask.Client;

namespace FuncCloud.Functions.Network.Compute;

/// <summary>
/// nova's os-interface on the server's Neutron ports: list and show render the ports bound to the server;
/// attach creates (net_id, fixed_ips) or binds (port_id) a port on the server's node, then its workflow waits for
/// the node's network agent to wire it and hot-plugs it into the guest (<see cref="ServerInterfaceWorkflows"/>);
/// detach starts the workflow that unplugs it and then deletes a port made for the server or unbinds a user's port.
/// </summary>
public sealed class ServerInterfaces(NetworkStore store, PortKind ports, ServerRepository servers, ServerNetworkResolver resolver, ServerPortService serverPorts, ServerInterfaceWorkflows workflows)
{
    /// <summary><c>{"interfaceAttachments": [...]}</c>.</summary>
    public async Task<JsonObject> ListAsync(ServerRecord server, ComputeApiVersion version, CancellationToken cancellationToken) =>
        new() { ["interfaceAttachments"] = new JsonArray([.. (await PortsAsync(server.Id, cancellationToken)).Select(p => (JsonNode)Render(p, server, version))]) };

    /// <summary><c>{"interfaceAttachment": {...}}</c>; 404 when the port is not the server's.</summary>
    public async Task<JsonObject> ShowAsync(ServerRecord server, string portId, ComputeApiVersion version, CancellationToken cancellationToken)
    {
        var port = (await PortsAsync(server.Id, cancellationToken)).FirstOrDefault(p => p.Id() == portId) ?? throw NotAttached(server.Id, portId);
        return new JsonObject { ["interfaceAttachment"] = Render(port, server, version) };
    }

    /// <summary>Attaches a new or the given port; returns the attachment.</summary>
    public async Task<JsonObject> AttachAsync(ComputeCall call, ServerRecord server, JsonObject? body, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var caller = call.Caller;
        var version = call.Version;
        RequireAttachable(server, "attach_interface");
        var netId = body?.OptionalString("net_id");
        var portId = body?.OptionalString("port_id");
        var fixedIp = body?["fixed_ips"] is JsonArray ips ? (ips.FirstOrDefault() as JsonObject)?.OptionalString("ip_address") : null;
        var tag = version.IsAtLeast(2, 49) ? body?.OptionalString("tag") : null;
        if (netId is not null && portId is not null)
        {
            throw new BadRequestException("Must not input both network_id and port_id");
        }

        if (netId is null && portId is null)
        {
            // nova's default: the only network the project can use (409 when several).
            var resolved = await resolver.ResolveAsync(caller, server.ProjectId, new ServerNetworkRequest(ServerNetworkRequest.AutoMode, []), [], 1, version, cancellationToken);
            netId = resolved.Networks.Requests.FirstOrDefault()?.Uuid ?? throw new BadRequestException("No network is available to attach an interface to.");
        }

        var request = new RequestedNetwork(netId, portId, fixedIp, tag);
        var (checkedRequest, _) = await resolver.ResolveAsync(caller, server.ProjectId, new ServerNetworkRequest(ServerNetworkRequest.ExplicitMode, [request]), [], 1, version, cancellationToken);
        var requested = checkedRequest.Requests[0];
        var acting = NetworkServiceCaller.For(server.ProjectId);
        var owner = ServerPortService.ComputeOwnerPrefix + (server.AvailabilityZone ?? "nova");
        JsonObject port;
        try
        {
            if (requested.Port is { } userPort)
            {
                // Remember the user's port first, so a delete racing this attach unbinds it rather than deleting it.
                await servers.UpdateAsync(server.Id, s => s with { Networks = s.Networks with { Requests = [.. s.Networks.Requests, requested] } }, cancellationToken);
                port = await serverPorts.BindAsync(acting, userPort, server.Id, owner, server.Host!, cancellationToken);
            }
            else
            {
                var create = new JsonObject
                {
                    ["project_id"] = server.ProjectId, ["network_id"] = requested.Uuid, ["device_id"] = server.Id, ["device_owner"] = owner, ["binding:host_id"] = server.Host,
                };
                if (requested.FixedIp is { } ip)
                {
                    create["fixed_ips"] = new JsonArray(new JsonObject { ["ip_address"] = ip });
                }

                port = await ports.CreateAsync(acting, create, cancellationToken);
                if (requested.Tag is { } madeTag)
                {
                    await servers.UpdateAsync(server.Id, s => s with { InterfaceTags = ServerPortService.Tagged(s, port.Id(), madeTag) }, cancellationToken);
                }
            }
        }
        catch (NeutronException e)
        {
            if (requested.Port is { } refused)
            {
                await servers.UpdateAsync(server.Id, s => s with { Networks = s.Networks with { Requests = [.. s.Networks.Requests.Where(r => r.Port != refused)] } }, CancellationToken.None);
            }

            throw e.StatusCode == 409 ? new ConflictException(e.Message) : new BadRequestException(e.Message);
        }

        if (await workflows.AttachAsync(call, server, port, durable, cancellationToken) is { } failed)
        {
            // The workflow released the port (nova's rollback); nova answers InterfaceAttachFailed.
            throw new ConflictException($"Failed to attach network adapter device to {server.Id}: {failed}");
        }

        port = (await store.GetAsync(ResourceKindNames.Port, port.Id(), cancellationToken))?.Body ?? port;
        return new JsonObject { ["interfaceAttachment"] = Render(port, await servers.FindAsync(server.Id, cancellationToken) ?? server, version) };
    }

    /// <summary>Starts the detach: the workflow unplugs the port, then deletes it when it was made for the server or unbinds the user's.</summary>
    public async Task DetachAsync(ComputeCall call, ServerRecord server, string portId, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        RequireAttachable(server, "detach_interface");
        var port = (await PortsAsync(server.Id, cancellationToken)).FirstOrDefault(p => p.Id() == portId) ?? throw NotAttached(server.Id, portId);
        await workflows.DetachAsync(call, server, port, durable, cancellationToken);
    }

    private static void RequireAttachable(ServerRecord server, string action)
    {
        if (server.VmState is not (VmStates.Active or VmStates.Paused or VmStates.Stopped) || server.TaskState is not null || server.Host is null)
        {
            throw new ConflictException($"Cannot '{action}' instance {server.Id} while it is in vm_state {server.VmState}");
        }
    }

    private static ComputeResourceNotFoundException NotAttached(string serverId, string portId) =>
        new("interface", portId, $"Port {portId} is not attached to {serverId}");

    // nova's interface view: fixed_ips, mac_addr, net_id, port_id, port_state; tag from 2.70.
    private static JsonObject Render(JsonObject port, ServerRecord server, ComputeApiVersion version)
    {
        var json = new JsonObject
        {
            ["fixed_ips"] = new JsonArray([.. port.Objects("fixed_ips").Select(ip => (JsonNode)new JsonObject { ["ip_address"] = ip.Str("ip_address"), ["subnet_id"] = ip.Str("subnet_id") })]),
            ["mac_addr"] = port.Str("mac_address"),
            ["net_id"] = port.Str("network_id"),
            ["port_id"] = port.Id(),
            ["port_state"] = port.Str("status"),
        };
        if (version.IsAtLeast(2, 70))
        {
            json["tag"] = server.Networks.Requests.FirstOrDefault(r => r.Port == port.Id())?.Tag ?? server.InterfaceTags.GetValueOrDefault(port.Id());
        }

        return json;
    }

    private async Task<List<JsonObject>> PortsAsync(string serverId, CancellationToken cancellationToken) =>
        [.. (await store.ListAsync(ResourceKindNames.Port, cancellationToken)).Select(p => p.Body).Where(p => p.Str("device_id") == serverId)
            .OrderBy(p => p.Str("created_at"), StringComparer.Ordinal).ThenBy(p => p.Id(), StringComparer.Ordinal)];
}

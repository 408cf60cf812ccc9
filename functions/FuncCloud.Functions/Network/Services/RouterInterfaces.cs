using System.Text.Json.Nodes;
using FuncCloud.Functions.Network.Api;
using FuncCloud.Shared.Network;
using FuncCloud.Shared.Security;

namespace FuncCloud.Functions.Network.Services;

/// <summary>
/// <c>add_router_interface</c> / <c>remove_router_interface</c>: by subnet (a new port holding the subnet's
/// gateway address) or by an existing unbound port. The port and the router's revision bump commit together;
/// overlapping CIDRs on one router are refused.
/// </summary>
public sealed class RouterInterfaces(NeutronContext context, RouterKind routers, PortKind ports, SubnetKind subnets)
{
    /// <summary>Adds an interface; returns neutron's interface info body.</summary>
    public async Task<JsonObject> AddAsync(RequestContext caller, string routerId, JsonObject request, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var router = await routers.RequireAsync(caller, routerId, cancellationToken);
            context.Enforce("add_router_interface", caller, router.Body.Project());
            var batch = new NetworkBatch();
            var (subnetId, portId) = (request.Str("subnet_id"), request.Str("port_id"));
            if ((subnetId is null) == (portId is null))
            {
                throw NeutronException.BadRequest("Bad router request: Either subnet_id or port_id must be specified.", "BadRequest");
            }

            var attached = await AttachedAsync(routerId, cancellationToken);
            JsonObject port;
            if (subnetId is not null)
            {
                var subnet = (await subnets.RequireAsync(caller, subnetId, cancellationToken)).Body;
                var gateway = subnet.Str("gateway_ip") ?? throw NeutronException.BadRequest($"Bad router request: Subnet {subnetId} does not have a gateway IP.", "BadRequest");
                await CheckOverlapAsync(routerId, attached, subnet, cancellationToken);
                port = await ports.PlanAsync(caller, router.Body.Project(), new JsonObject
                {
                    ["network_id"] = subnet.Str("network_id"),
                    ["fixed_ips"] = new JsonArray(new JsonObject { ["subnet_id"] = subnetId, ["ip_address"] = gateway }),
                    ["device_owner"] = PortKind.RouterInterfaceOwner,
                    ["device_id"] = routerId,
                }, batch, cancellationToken);
                batch.Add(ResourceKindNames.Port, port);
            }
            else
            {
                var existing = await ports.RequireAsync(caller, portId!, cancellationToken);
                if (!string.IsNullOrEmpty(existing.Body.Str("device_id")))
                {
                    throw NeutronException.Conflict("PortInUse", $"Unable to complete operation on port {portId} for network {existing.Body.Str("network_id")}. Port already has an attached device {existing.Body.Str("device_id")}.");
                }

                var fixedIps = existing.Body.Objects("fixed_ips").ToList();
                if (fixedIps.Count == 0)
                {
                    throw NeutronException.BadRequest($"Bad router request: Router port must have at least one fixed IP.", "BadRequest");
                }

                foreach (var ip in fixedIps)
                {
                    var subnet = (await subnets.RequireAsync(caller, ip.Str("subnet_id")!, cancellationToken)).Body;
                    await CheckOverlapAsync(routerId, attached, subnet, cancellationToken);
                }

                port = existing.Body.Copy();
                port["device_owner"] = PortKind.RouterInterfaceOwner;
                port["device_id"] = routerId;
                port["security_groups"] = new JsonArray();
                port["status"] = "ACTIVE";
                port["revision_number"] = (port.Int("revision_number") ?? 0) + 1;
                batch.Replace(existing, port);
            }

            Bump(router, batch);
            try
            {
                await context.Store.CommitAsync(batch, cancellationToken);
                await context.NetworkChangedAsync(ResourceKindNames.Router, [router.Body], cancellationToken);
                return Info(router.Body, port);
            }
            catch (Exception e) when (e is KeyTakenException or FuncCloud.Shared.Storage.ConcurrencyException && attempt < 8)
            {
                await Task.Delay(Random.Shared.Next(1, 20), cancellationToken);
            }
        }
    }

    /// <summary>Removes an interface by subnet or port; returns the interface info.</summary>
    public async Task<JsonObject> RemoveAsync(RequestContext caller, string routerId, JsonObject request, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var router = await routers.RequireAsync(caller, routerId, cancellationToken);
            context.Enforce("remove_router_interface", caller, router.Body.Project());
            var (subnetId, portId) = (request.Str("subnet_id"), request.Str("port_id"));
            var attached = await AttachedAsync(routerId, cancellationToken);
            var port = attached.FirstOrDefault(p => portId is not null
                ? p.Id == portId && (subnetId is null || p.Body.Objects("fixed_ips").Any(ip => ip.Str("subnet_id") == subnetId))
                : p.Body.Objects("fixed_ips").Any(ip => ip.Str("subnet_id") == subnetId));
            if (port is null)
            {
                throw portId is not null
                    ? NeutronException.NotFound("RouterInterfaceNotFound", $"Router {routerId} does not have an interface with id {portId}")
                    : NeutronException.NotFound("RouterInterfaceNotFoundForSubnet", $"Router {routerId} has no interface on subnet {subnetId}");
            }

            var portSubnets = port.Body.Objects("fixed_ips").Select(ip => ip.Str("subnet_id")).ToHashSet();
            foreach (var fip in (await context.Store.ListAsync(ResourceKindNames.FloatingIp, cancellationToken)).Where(f => f.Body.Str("router_id") == routerId))
            {
                var target = await context.Store.GetAsync(ResourceKindNames.Port, fip.Body.Str("port_id") ?? string.Empty, cancellationToken);
                if (target is not null && target.Body.Objects("fixed_ips").Any(ip => portSubnets.Contains(ip.Str("subnet_id"))))
                {
                    throw NeutronException.Conflict("RouterInterfaceInUseByFloatingIP", $"Router interface for subnet {string.Join(",", portSubnets)} on router {routerId} cannot be deleted, as it is required by one or more floating IPs.");
                }
            }

            var batch = new NetworkBatch();
            PortKind.ReleaseAll(port.Body, batch);
            batch.Delete(port);
            Bump(router, batch);
            try
            {
                await context.Store.CommitAsync(batch, cancellationToken);
                await context.NetworkChangedAsync(ResourceKindNames.Router, [router.Body], cancellationToken);
                await context.NetworkChangedAsync(ResourceKindNames.Port, [port.Body], cancellationToken);
                return Info(router.Body, port.Body);
            }
            catch (FuncCloud.Shared.Storage.ConcurrencyException) when (attempt < 8)
            {
                await Task.Delay(Random.Shared.Next(1, 20), cancellationToken);
            }
        }
    }

    private async Task<List<StoredResource>> AttachedAsync(string routerId, CancellationToken cancellationToken) =>
        (await context.Store.ListAsync(ResourceKindNames.Port, cancellationToken))
            .Where(p => p.Body.Str("device_id") == routerId && p.Body.Str("device_owner") == PortKind.RouterInterfaceOwner).ToList();

    private async Task CheckOverlapAsync(string routerId, List<StoredResource> attached, JsonObject subnet, CancellationToken cancellationToken)
    {
        var cidr = IpMath.ParseCidr(subnet.Str("cidr"));
        foreach (var other in attached.SelectMany(p => p.Body.Objects("fixed_ips")).Select(ip => ip.Str("subnet_id")!).Distinct())
        {
            if (other == subnet.Id())
            {
                throw NeutronException.BadRequest($"Bad router request: Router already has a port on subnet {other}.", "BadRequest");
            }

            if (await context.Store.GetAsync(ResourceKindNames.Subnet, other, cancellationToken) is { } existing && IpMath.Overlaps(cidr, IpMath.ParseCidr(existing.Body.Str("cidr"))))
            {
                throw NeutronException.BadRequest($"Bad router request: Cidr {cidr} of subnet {subnet.Id()} overlaps with cidr {existing.Body.Str("cidr")} of subnet {other}.", "BadRequest");
            }
        }

        _ = routerId;
    }

    private void Bump(StoredResource router, NetworkBatch batch)
    {
        var updated = router.Body.Copy();
        updated["revision_number"] = (router.Body.Int("revision_number") ?? 0) + 1;
        updated["updated_at"] = context.Now;
        batch.Replace(router, updated);
    }

    private static JsonObject Info(JsonObject router, JsonObject port)
    {
        var subnetIds = port.Objects("fixed_ips").Select(ip => ip.Str("subnet_id")!).ToList();
        return new JsonObject
        {
            ["id"] = router.Id(),
            ["tenant_id"] = router.Project(),
            ["project_id"] = router.Project(),
            ["port_id"] = port.Id(),
            ["network_id"] = port.Str("network_id"),
            ["subnet_id"] = subnetIds.FirstOrDefault(),
            ["subnet_ids"] = subnetIds.ToJsonArray(),
        };
    }
}

using System.Text.Json.Nodes;
using FuncCloud.Functions.Network.Api;
using FuncCloud.Shared.Network;
using FuncCloud.Shared.Security;

namespace FuncCloud.Functions.Network.Services;

/// <summary>
/// Routers (router, ext-gw-mode, extraroute): an external gateway (a port on an external network, made and
/// removed in the router's own transaction), SNAT on by default, extra routes whose next hops must sit on
/// an interface subnet. Interfaces are <see cref="RouterInterfaces"/>.
/// </summary>
public sealed class RouterKind(NeutronContext context, PortKind ports) : ResourceKind(context)
{
    private static readonly HashSet<string> All = Standard(
        "admin_state_up", "status", "external_gateway_info", "routes", "availability_zone_hints", "availability_zones");

    private static readonly HashSet<string> Creatable = Set(
        "name", "description", "project_id", "tenant_id", "admin_state_up", "external_gateway_info", "availability_zone_hints");

    private static readonly HashSet<string> Updatable = Set("name", "description", "admin_state_up", "external_gateway_info", "routes");

    /// <inheritdoc />
    public override string Singular => ResourceKindNames.Router;

    /// <inheritdoc />
    public override string Collection => "routers";

    /// <inheritdoc />
    public override IReadOnlySet<string> Attributes => All;

    /// <inheritdoc />
    protected override IReadOnlySet<string> CreateAttributes => Creatable;

    /// <inheritdoc />
    protected override IReadOnlySet<string> UpdateAttributes => Updatable;

    /// <inheritdoc />
    public override NeutronException NotFound(string id) => NeutronException.NotFound("RouterNotFound", $"Router {id} could not be found");

    /// <inheritdoc />
    protected override async Task<JsonObject> BuildAsync(RequestContext caller, string projectId, JsonObject request, NetworkBatch batch, CancellationToken cancellationToken)
    {
        var doc = NewDocument(projectId, request);
        doc["admin_state_up"] = request.Bool("admin_state_up", true);
        doc["status"] = "ACTIVE";
        doc["routes"] = new JsonArray();
        doc["availability_zone_hints"] = (request.Strings("availability_zone_hints") ?? []).ToJsonArray();
        doc["availability_zones"] = new JsonArray("nova");
        doc["external_gateway_info"] = request["external_gateway_info"] is JsonObject gateway && gateway.Count > 0
            ? await GatewayAsync(caller, doc.Id(), gateway, batch, cancellationToken)
            : null;
        return doc;
    }

    /// <inheritdoc />
    protected override async Task<JsonObject> ApplyAsync(RequestContext caller, StoredResource current, JsonObject request, NetworkBatch batch, CancellationToken cancellationToken)
    {
        var updated = current.Body.Copy();
        updated["name"] = request.StrOr("name", current.Body.Str("name") ?? string.Empty);
        updated["description"] = request.StrOr("description", current.Body.Str("description") ?? string.Empty);
        updated["admin_state_up"] = request.Bool("admin_state_up", current.Body.Bool("admin_state_up", true));
        if (request.ContainsKey("external_gateway_info"))
        {
            var wanted = request["external_gateway_info"] as JsonObject;
            var existing = current.Body["external_gateway_info"] as JsonObject;
            if (wanted is { Count: > 0 } && existing is not null && wanted.Str("network_id") == existing.Str("network_id") && !wanted.ContainsKey("external_fixed_ips"))
            {
                // Same network: only the SNAT mode changes.
                var same = existing.Copy();
                same["enable_snat"] = wanted.Bool("enable_snat", existing.Bool("enable_snat", true));
                updated["external_gateway_info"] = same;
            }
            else
            {
                if (existing is not null)
                {
                    await RemoveGatewayAsync(current.Id, batch, cancellationToken);
                }

                updated["external_gateway_info"] = wanted is { Count: > 0 } ? await GatewayAsync(caller, current.Id, wanted, batch, cancellationToken) : null;
            }
        }

        if (request.ContainsKey("routes"))
        {
            updated["routes"] = await RoutesAsync(current.Id, request, cancellationToken);
        }

        return updated;
    }

    /// <inheritdoc />
    protected override async Task OnDeleteAsync(RequestContext caller, StoredResource current, NetworkBatch batch, CancellationToken cancellationToken)
    {
        var attached = (await Context.Store.ListAsync(ResourceKindNames.Port, cancellationToken))
            .Where(p => p.Body.Str("device_id") == current.Id && p.Body.Str("device_owner") == PortKind.RouterInterfaceOwner).ToList();
        if (attached.Count > 0)
        {
            throw NeutronException.Conflict("RouterInUse", $"Router {current.Id} still has ports");
        }

        if ((await Context.Store.ListAsync(ResourceKindNames.FloatingIp, cancellationToken)).Any(f => f.Body.Str("router_id") == current.Id))
        {
            throw NeutronException.Conflict("RouterInUse", $"Router {current.Id} still has floating IPs associated through it");
        }

        await RemoveGatewayAsync(current.Id, batch, cancellationToken);
    }

    private async Task<JsonObject> GatewayAsync(RequestContext caller, string routerId, JsonObject gateway, NetworkBatch batch, CancellationToken cancellationToken)
    {
        var networkId = gateway.Str("network_id") ?? throw NeutronException.BadRequest("Bad router request: external_gateway_info needs a network_id.", "BadRequest");
        var network = await Context.Store.GetAsync(ResourceKindNames.Network, networkId, cancellationToken);
        if (network is null || !(await Context.NetworkVisibilityAsync(caller, cancellationToken))(network.Body))
        {
            throw NeutronException.NotFound("NetworkNotFound", $"Network {networkId} could not be found.");
        }

        if (!network.Body.Bool("router:external", false)
            && !(await Context.RbacGrantsAsync("network", "access_as_external", caller.ProjectId, cancellationToken)).Contains(networkId))
        {
            throw NeutronException.BadRequest($"Bad router request: Network {networkId} is not an external network.", "BadRequest");
        }

        if (gateway.ContainsKey("enable_snat") && !gateway.Bool("enable_snat", true))
        {
            Context.Enforce("create_router:external_gateway_info:enable_snat", caller, string.Empty);
        }

        var portRequest = new JsonObject
        {
            ["network_id"] = networkId,
            ["device_owner"] = PortKind.RouterGatewayOwner,
            ["device_id"] = routerId,
        };
        if (gateway["external_fixed_ips"] is JsonArray fixedIps)
        {
            portRequest["fixed_ips"] = fixedIps.DeepClone();
        }

        var port = await ports.PlanAsync(caller, string.Empty, portRequest, batch, cancellationToken);
        batch.Add(ResourceKindNames.Port, port);
        return new JsonObject
        {
            ["network_id"] = networkId,
            ["enable_snat"] = gateway.Bool("enable_snat", true),
            ["external_fixed_ips"] = port["fixed_ips"]!.DeepClone(),
        };
    }

    private async Task RemoveGatewayAsync(string routerId, NetworkBatch batch, CancellationToken cancellationToken)
    {
        foreach (var port in (await Context.Store.ListAsync(ResourceKindNames.Port, cancellationToken))
            .Where(p => p.Body.Str("device_id") == routerId && p.Body.Str("device_owner") == PortKind.RouterGatewayOwner))
        {
            PortKind.ReleaseAll(port.Body, batch);
            batch.Delete(port);
        }
    }

    private async Task<JsonArray> RoutesAsync(string routerId, JsonObject request, CancellationToken cancellationToken)
    {
        var subnetIds = (await Context.Store.ListAsync(ResourceKindNames.Port, cancellationToken))
            .Where(p => p.Body.Str("device_id") == routerId && p.Body.Str("device_owner") is PortKind.RouterInterfaceOwner or PortKind.RouterGatewayOwner)
            .SelectMany(p => p.Body.Objects("fixed_ips")).Select(ip => ip.Str("subnet_id")).ToHashSet();
        var cidrs = (await Context.Store.ListAsync(ResourceKindNames.Subnet, cancellationToken))
            .Where(s => subnetIds.Contains(s.Id)).Select(s => IpMath.ParseCidr(s.Body.Str("cidr"))).ToList();
        return new JsonArray(request.Objects("routes").Select(route =>
        {
            var destination = IpMath.ParseCidr(route.Str("destination"), "routes.destination");
            var nexthop = IpMath.ParseAddress(route.Str("nexthop"), "routes.nexthop");
            if (!cidrs.Any(c => c.Contains(nexthop)))
            {
                throw NeutronException.BadRequest($"Invalid format for routes: the nexthop {nexthop} is not connected with router {routerId}", "InvalidRoutes");
            }

            return (JsonNode?)new JsonObject { ["destination"] = destination.ToString(), ["nexthop"] = IpMath.Canonical(nexthop) };
        }).ToArray());
    }
}

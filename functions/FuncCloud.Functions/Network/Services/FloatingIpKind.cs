using System.Text.Json.Nodes;
using FuncCloud.Functions.Network.Api;
using FuncCloud.Shared.Network;
using FuncCloud.Shared.Rating;
using FuncCloud.Shared.Security;

namespace FuncCloud.Functions.Network.Services;

/// <summary>
/// Floating IPs: an address on an external network (held by a <c>network:floatingip</c> port made in the
/// same transaction), associated to a port's fixed IP only through a router whose gateway is on that
/// external network and which has an interface on the port's subnet. One fixed IP carries at most one
/// floating IP (a reservation). ACTIVE when associated, DOWN otherwise. Its usage lifecycle (allocated from its
/// creation to its deletion, associated or not) follows each commit into <see cref="ResourceUsageIndex"/>.
/// </summary>
public sealed class FloatingIpKind(NeutronContext context, PortKind ports, ResourceUsageIndex usage) : ResourceKind(context)
{
    private static readonly HashSet<string> All = Standard(
        "floating_ip_address", "floating_network_id", "router_id", "port_id", "fixed_ip_address", "status", "qos_policy_id", "port_forwardings");

    private static readonly HashSet<string> Creatable = Set(
        "description", "project_id", "tenant_id", "floating_network_id", "floating_ip_address", "subnet_id", "port_id", "fixed_ip_address", "qos_policy_id");

    private static readonly HashSet<string> Updatable = Set("description", "port_id", "fixed_ip_address", "qos_policy_id");

    /// <inheritdoc />
    public override string Singular => ResourceKindNames.FloatingIp;

    /// <inheritdoc />
    public override string Collection => "floatingips";

    /// <inheritdoc />
    public override IReadOnlySet<string> Attributes => All;

    /// <inheritdoc />
    protected override IReadOnlySet<string> CreateAttributes => Creatable;

    /// <inheritdoc />
    protected override IReadOnlySet<string> UpdateAttributes => Updatable;

    /// <inheritdoc />
    public override NeutronException NotFound(string id) => NeutronException.NotFound("FloatingIPNotFound", $"Floating IP {id} could not be found");

    /// <summary>The floating IP without its association (the port was deleted); releases the association key.</summary>
    public static JsonObject Disassociated(JsonObject fip, string now, NetworkBatch batch)
    {
        if (fip.Str("port_id") is { } port && fip.Str("fixed_ip_address") is { } fixedIp)
        {
            batch.Release(AssociationKey(port, fixedIp));
        }

        var updated = fip.Copy();
        updated["port_id"] = null;
        updated["fixed_ip_address"] = null;
        updated["router_id"] = null;
        updated["status"] = "DOWN";
        updated["revision_number"] = (fip.Int("revision_number") ?? 0) + 1;
        updated["updated_at"] = now;
        return updated;
    }

    /// <inheritdoc />
    protected override async Task<JsonObject> BuildAsync(RequestContext caller, string projectId, JsonObject request, NetworkBatch batch, CancellationToken cancellationToken)
    {
        var networkId = request.Str("floating_network_id") ?? throw NeutronException.BadRequest("Failed to parse request. Required attribute 'floating_network_id' not specified", "HTTPBadRequest");
        var network = await Context.Store.GetAsync(ResourceKindNames.Network, networkId, cancellationToken);
        if (network is null || !(await Context.NetworkVisibilityAsync(caller, cancellationToken))(network.Body))
        {
            throw NeutronException.NotFound("NetworkNotFound", $"Network {networkId} could not be found.");
        }

        if (!network.Body.Bool("router:external", false))
        {
            throw NeutronException.BadRequest($"Bad floatingip request: Network {networkId} is not a valid external network.", "BadRequest");
        }

        var doc = NewDocument(projectId, request, named: false);
        var portRequest = new JsonObject { ["network_id"] = networkId, ["device_owner"] = PortKind.FloatingIpOwner, ["device_id"] = doc.Id() };
        if (request.Str("floating_ip_address") is { } address || request.Str("subnet_id") is not null)
        {
            var fixedIp = new JsonObject();
            if (request.Str("subnet_id") is { } subnetId)
            {
                fixedIp["subnet_id"] = subnetId;
            }

            if (request.Str("floating_ip_address") is { } wanted)
            {
                fixedIp["ip_address"] = wanted;
            }

            portRequest["fixed_ips"] = new JsonArray(fixedIp);
        }

        var port = await ports.PlanAsync(caller, string.Empty, portRequest, batch, cancellationToken);
        batch.Add(ResourceKindNames.Port, port);
        var ip = port.Objects("fixed_ips").FirstOrDefault(i => !i.Str("ip_address")!.Contains(':'))
            ?? throw NeutronException.BadRequest($"Bad floatingip request: Network {networkId} has no IPv4 subnet with free addresses.", "BadRequest");
        doc["floating_ip_address"] = ip.Str("ip_address");
        doc["floating_network_id"] = networkId;
        doc["qos_policy_id"] = request.Str("qos_policy_id");
        doc["port_forwardings"] = new JsonArray();
        await AssociateAsync(caller, doc, request.Str("port_id"), request.Str("fixed_ip_address"), batch, cancellationToken);
        return doc;
    }

    /// <inheritdoc />
    protected override async Task<JsonObject> ApplyAsync(RequestContext caller, StoredResource current, JsonObject request, NetworkBatch batch, CancellationToken cancellationToken)
    {
        var updated = current.Body.Copy();
        updated["description"] = request.StrOr("description", current.Body.Str("description") ?? string.Empty);
        if (request.ContainsKey("port_id"))
        {
            var port = request.Str("port_id");
            var fixedIp = request.Str("fixed_ip_address");
            if (port != current.Body.Str("port_id") || (fixedIp is not null && fixedIp != current.Body.Str("fixed_ip_address")))
            {
                var plain = Disassociated(current.Body, Context.Now, batch);
                foreach (var name in new[] { "port_id", "fixed_ip_address", "router_id", "status" })
                {
                    updated[name] = plain[name]?.DeepClone();
                }

                await AssociateAsync(caller, updated, port, fixedIp, batch, cancellationToken);
            }
        }

        return updated;
    }

    /// <inheritdoc />
    protected override async Task OnDeleteAsync(RequestContext caller, StoredResource current, NetworkBatch batch, CancellationToken cancellationToken)
    {
        Disassociated(current.Body, Context.Now, batch);
        foreach (var port in (await Context.Store.ListAsync(ResourceKindNames.Port, cancellationToken))
            .Where(p => p.Body.Str("device_id") == current.Id && p.Body.Str("device_owner") == PortKind.FloatingIpOwner))
        {
            PortKind.ReleaseAll(port.Body, batch);
            batch.Delete(port);
        }
    }

    /// <inheritdoc />
    protected override Task AfterCreateAsync(RequestContext caller, JsonObject created, CancellationToken cancellationToken) =>
        usage.StartAsync(UsageKinds.FloatingIp, created.Project(), created.Id(), created.Str("floating_ip_address"), 1, Timestamp(created, "created_at"), cancellationToken);

    /// <inheritdoc />
    protected override Task AfterDeleteAsync(JsonObject deleted, CancellationToken cancellationToken) =>
        usage.EndAsync(UsageKinds.FloatingIp, deleted.Project(), deleted.Id(), Context.Clock.GetUtcNow(), cancellationToken);

    /// <inheritdoc />
    protected override Exception? OnKeyTaken(string key) => key.StartsWith("fip-assoc:", StringComparison.Ordinal)
        ? NeutronException.Conflict("FloatingIPPortAlreadyAssociated", $"Cannot associate floating IP: the fixed IP {key.Split(':', 3)[2]} of the port already has a floating IP.")
        : null;

    private static string AssociationKey(string portId, string fixedIp) => $"fip-assoc:{portId}:{fixedIp}";

    private async Task AssociateAsync(RequestContext caller, JsonObject fip, string? portId, string? fixedIp, NetworkBatch batch, CancellationToken cancellationToken)
    {
        fip["port_id"] = null;
        fip["fixed_ip_address"] = null;
        fip["router_id"] = null;
        fip["status"] = "DOWN";
        if (portId is null)
        {
            return;
        }

        var port = (await ports.RequireAsync(caller, portId, cancellationToken)).Body;
        if (!caller.IsAdmin && port.Project() != fip.Project())
        {
            throw ports.NotFound(portId);
        }

        var candidates = port.Objects("fixed_ips").Where(ip => !ip.Str("ip_address")!.Contains(':')).ToList();
        var chosen = fixedIp is null ? candidates.FirstOrDefault() : candidates.FirstOrDefault(ip => ip.Str("ip_address") == fixedIp);
        if (chosen is null)
        {
            throw NeutronException.BadRequest($"Bad floatingip request: Port {portId} does not have fixed ip {fixedIp ?? "(any IPv4)"}.", "BadRequest");
        }

        var router = await RouterForAsync(fip.Str("floating_network_id")!, chosen.Str("subnet_id")!, cancellationToken)
            ?? throw NeutronException.NotFound("ExternalGatewayForFloatingIPNotFound", $"External network {fip.Str("floating_network_id")} is not reachable from subnet {chosen.Str("subnet_id")}.  Therefore, cannot associate Port {portId} with a Floating IP.");
        batch.Reserve(AssociationKey(portId, chosen.Str("ip_address")!), fip.Id());
        fip["port_id"] = portId;
        fip["fixed_ip_address"] = chosen.Str("ip_address");
        fip["router_id"] = router;
        fip["status"] = "ACTIVE";
    }

    private async Task<string?> RouterForAsync(string externalNetworkId, string subnetId, CancellationToken cancellationToken)
    {
        var allPorts = await Context.Store.ListAsync(ResourceKindNames.Port, cancellationToken);
        var routersOnSubnet = allPorts
            .Where(p => p.Body.Str("device_owner") == PortKind.RouterInterfaceOwner && p.Body.Objects("fixed_ips").Any(ip => ip.Str("subnet_id") == subnetId))
            .Select(p => p.Body.Str("device_id")!).ToHashSet();
        return allPorts
            .Where(p => p.Body.Str("device_owner") == PortKind.RouterGatewayOwner && p.Body.Str("network_id") == externalNetworkId && routersOnSubnet.Contains(p.Body.Str("device_id")!))
            .Select(p => p.Body.Str("device_id")).FirstOrDefault();
    }

    private DateTimeOffset Timestamp(JsonObject doc, string name) =>
        DateTimeOffset.TryParse(doc.Str(name), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at) ? at : Context.Clock.GetUtcNow();
}

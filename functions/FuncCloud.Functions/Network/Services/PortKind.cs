using System.Text.Json.Nodes;
using FuncCloud.Functions.Network.Api;
using FuncCloud.Shared.Network;
using FuncCloud.Shared.Security;

namespace FuncCloud.Functions.Network.Services;

/// <summary>
/// Ports: the port document, its addresses and its MAC are one transaction (see <see cref="Ipam"/>).
/// Port security on (the network's default) means the project's <c>default</c> security group unless
/// groups are named; binding attributes are admin-only. A bound port (binding:host_id) is ACTIVE.
/// </summary>
public sealed class PortKind(NeutronContext context, SecurityGroupKind groups) : ResourceKind(context)
{
    /// <summary>Owners of ports the network service makes itself (no security groups, not user-deletable for routers).</summary>
    public const string RouterInterfaceOwner = "network:router_interface";

    /// <summary>The router gateway port owner.</summary>
    public const string RouterGatewayOwner = "network:router_gateway";

    /// <summary>The floating IP port owner.</summary>
    public const string FloatingIpOwner = "network:floatingip";

    private static readonly string[] BindingAttributes = ["binding:host_id", "binding:profile", "binding:vif_type", "binding:vif_details"];

    private static readonly HashSet<string> All = Standard(
        "network_id", "admin_state_up", "mac_address", "fixed_ips", "device_id", "device_owner", "status", "security_groups",
        "allowed_address_pairs", "port_security_enabled", "extra_dhcp_opts", "binding:host_id", "binding:vif_type", "binding:vif_details",
        "binding:vnic_type", "binding:profile", "ip_allocation", "propagate_uplink_status");

    private static readonly HashSet<string> Creatable = Set(
        "name", "description", "project_id", "tenant_id", "network_id", "admin_state_up", "mac_address", "fixed_ips", "device_id", "device_owner",
        "security_groups", "allowed_address_pairs", "port_security_enabled", "extra_dhcp_opts", "binding:host_id", "binding:vnic_type", "binding:profile");

    private static readonly HashSet<string> Updatable = Set(
        "name", "description", "admin_state_up", "mac_address", "fixed_ips", "device_id", "device_owner", "security_groups",
        "allowed_address_pairs", "port_security_enabled", "extra_dhcp_opts", "binding:host_id", "binding:vnic_type", "binding:profile");

    /// <inheritdoc />
    public override string Singular => ResourceKindNames.Port;

    /// <inheritdoc />
    public override string Collection => "ports";

    /// <inheritdoc />
    public override IReadOnlySet<string> Attributes => All;

    /// <inheritdoc />
    protected override IReadOnlySet<string> CreateAttributes => Creatable;

    /// <inheritdoc />
    protected override IReadOnlySet<string> UpdateAttributes => Updatable;

    /// <inheritdoc />
    public override NeutronException NotFound(string id) => NeutronException.NotFound("PortNotFound", $"Port {id} could not be found.");

    /// <inheritdoc />
    public override JsonObject Render(RequestContext caller, JsonObject doc)
    {
        var shown = doc.Copy();
        foreach (var attribute in BindingAttributes)
        {
            if (!Context.MaySee("get_port:" + attribute, caller, doc.Project()))
            {
                shown.Remove(attribute);
            }
        }

        return shown;
    }

    /// <summary>Releases the addresses and MAC a port holds.</summary>
    public static void ReleaseAll(JsonObject port, NetworkBatch batch)
    {
        foreach (var ip in port.Objects("fixed_ips"))
        {
            batch.Release(Ipam.AddressKey(ip.Str("subnet_id")!, ip.Str("ip_address")!));
        }

        batch.Release(Ipam.MacKey(port.Str("network_id")!, port.Str("mac_address")!));
    }

    /// <summary>Plans a port for internal use (router interfaces and gateways, floating IPs, compute) inside another change.</summary>
    public Task<JsonObject> PlanAsync(RequestContext caller, string projectId, JsonObject request, NetworkBatch batch, CancellationToken cancellationToken) =>
        BuildAsync(caller, projectId, request, batch, cancellationToken);

    /// <inheritdoc />
    protected override async Task<JsonObject> BuildAsync(RequestContext caller, string projectId, JsonObject request, NetworkBatch batch, CancellationToken cancellationToken)
    {
        var networkId = request.Str("network_id") ?? throw NeutronException.BadRequest("Failed to parse request. Required attribute 'network_id' not specified", "HTTPBadRequest");
        var network = await Context.Store.GetAsync(ResourceKindNames.Network, networkId, cancellationToken);
        if (network is null || !(await Context.NetworkVisibilityAsync(caller, cancellationToken))(network.Body))
        {
            throw NeutronException.NotFound("NetworkNotFound", $"Network {networkId} could not be found.");
        }

        var owner = request.StrOr("device_owner", string.Empty);
        var internalPort = owner.StartsWith("network:", StringComparison.Ordinal);
        if (!internalPort && !await Context.MayUseNetworkAsync(caller, network.Body, cancellationToken))
        {
            throw new NeutronException(403, "PolicyNotAuthorized", $"Tenant {projectId} is not allowed to create a port on network {networkId}.");
        }

        var doc = NewDocument(projectId, request);
        var mac = request.Str("mac_address") is { } requestedMac ? Ipam.ParseMac(requestedMac) : Ipam.RandomMac();
        if (request.ContainsKey("mac_address") && await Context.Store.KeyOwnerAsync(Ipam.MacKey(networkId, mac), cancellationToken) is not null)
        {
            throw NeutronException.Conflict("MacAddressInUse", $"Unable to complete operation for network {networkId}. The mac address {mac} is in use.");
        }

        batch.Reserve(Ipam.MacKey(networkId, mac), doc.Id());
        var subnets = (await Context.Store.ListAsync(ResourceKindNames.Subnet, cancellationToken)).Where(s => s.Body.Str("network_id") == networkId).Select(s => s.Body).ToList();
        var fixedIps = await AllocateAsync(request.ContainsKey("fixed_ips") ? request.Objects("fixed_ips").ToList() : null, subnets, networkId, doc.Id(), owner, mac, scanAutoAddress: true, batch, cancellationToken);

        var portSecurity = request.Bool("port_security_enabled", network.Body.Bool("port_security_enabled", true));
        var securityGroups = await SecurityGroupsAsync(caller, projectId, request, portSecurity && !internalPort, cancellationToken);
        var pairs = AddressPairs(request, mac);
        if (!portSecurity && pairs.Count > 0)
        {
            throw NeutronException.Conflict("AddressPairAndPortSecurityRequired", "Port Security must be enabled in order to have allowed address pairs on a port.");
        }

        doc["network_id"] = networkId;
        doc["admin_state_up"] = request.Bool("admin_state_up", true);
        doc["mac_address"] = mac;
        doc["fixed_ips"] = fixedIps;
        doc["device_id"] = request.StrOr("device_id", string.Empty);
        doc["device_owner"] = owner;
        doc["security_groups"] = securityGroups.ToJsonArray();
        doc["allowed_address_pairs"] = pairs;
        doc["port_security_enabled"] = portSecurity;
        doc["extra_dhcp_opts"] = request["extra_dhcp_opts"]?.DeepClone() ?? new JsonArray();
        doc["binding:vnic_type"] = request.StrOr("binding:vnic_type", "normal");
        doc["binding:profile"] = request["binding:profile"]?.DeepClone() ?? new JsonObject();
        doc["ip_allocation"] = "immediate";
        doc["propagate_uplink_status"] = false;
        Bind(doc, request.Str("binding:host_id") ?? string.Empty);
        return doc;
    }

    /// <inheritdoc />
    protected override async Task<JsonObject> ApplyAsync(RequestContext caller, StoredResource current, JsonObject request, NetworkBatch batch, CancellationToken cancellationToken)
    {
        var port = current.Body;
        var updated = port.Copy();
        foreach (var name in new[] { "name", "description", "device_id", "device_owner", "binding:vnic_type" })
        {
            if (request.ContainsKey(name))
            {
                updated[name] = request.StrOr(name, string.Empty);
            }
        }

        updated["admin_state_up"] = request.Bool("admin_state_up", port.Bool("admin_state_up", true));
        var networkId = port.Str("network_id")!;
        if (request.Str("mac_address") is { } requestedMac && Ipam.ParseMac(requestedMac) is var mac && mac != port.Str("mac_address"))
        {
            if (!string.IsNullOrEmpty(port.Str("binding:host_id")))
            {
                throw NeutronException.Conflict("PortBound", $"Unable to complete operation on port {current.Id}: the port is bound, its MAC cannot change.");
            }

            batch.Release(Ipam.MacKey(networkId, port.Str("mac_address")!));
            batch.Reserve(Ipam.MacKey(networkId, mac), current.Id);
            updated["mac_address"] = mac;
            updated["fixed_ips"] = await RecomputeAutoAddressesAsync(updated, await NetworkSubnetsAsync(networkId, cancellationToken), batch, cancellationToken);
        }

        if (request.ContainsKey("fixed_ips"))
        {
            var owner = port.StrOr("device_owner", string.Empty);
            var subnets = await NetworkSubnetsAsync(networkId, cancellationToken);
            var autoSubnets = subnets.Where(AutoAddress.IsAutoAddressSubnet).Select(s => s.Id()).ToHashSet(StringComparer.Ordinal);
            var held = updated.Objects("fixed_ips").ToList();
            var kept = new List<JsonObject>();
            var wanted = new List<JsonObject>();
            foreach (var ip in request.Objects("fixed_ips"))
            {
                var same = held.FirstOrDefault(old => old.Str("ip_address") == ip.Str("ip_address") && (ip.Str("subnet_id") ?? old.Str("subnet_id")) == old.Str("subnet_id"));
                (same is null ? wanted : kept).Add(same ?? ip);
            }

            // As neutron's _get_changed_ips_for_port: a port keeps its auto-addresses (SLAAC, DHCPv6-stateless)
            // whatever fixed_ips lists; only router interfaces give them up.
            foreach (var old in held.Where(o => !kept.Contains(o)))
            {
                if (AutoAddress.Receives(owner) && autoSubnets.Contains(old.Str("subnet_id")!))
                {
                    kept.Add(old);
                    continue;
                }

                batch.Release(Ipam.AddressKey(old.Str("subnet_id")!, old.Str("ip_address")!));
            }

            var added = await AllocateAsync(wanted, subnets, networkId, current.Id, owner, updated.Str("mac_address")!, scanAutoAddress: false, batch, cancellationToken);
            var keptOrdered = held.Where(kept.Contains);
            updated["fixed_ips"] = new JsonArray([.. keptOrdered.Select(k => (JsonNode?)k.Copy()), .. added.Select(a => a?.DeepClone())]);
        }

        var portSecurity = request.Bool("port_security_enabled", port.Bool("port_security_enabled", true));
        updated["port_security_enabled"] = portSecurity;
        if (request.ContainsKey("security_groups"))
        {
            updated["security_groups"] = (await SecurityGroupsAsync(caller, port.Project(), request, portSecurity, cancellationToken)).ToJsonArray();
        }
        else if (!portSecurity && (port.Strings("security_groups") ?? []).Count > 0)
        {
            throw NeutronException.Conflict("PortSecurityPortHasSecurityGroup", "Port has security group associated. Cannot disable port security or ip address until security group is removed");
        }

        if (request.ContainsKey("allowed_address_pairs"))
        {
            updated["allowed_address_pairs"] = AddressPairs(request, updated.Str("mac_address")!);
        }

        if (!portSecurity && updated.Objects("allowed_address_pairs").Any())
        {
            throw NeutronException.Conflict("AddressPairAndPortSecurityRequired", "Port Security must be enabled in order to have allowed address pairs on a port.");
        }

        if (request.ContainsKey("extra_dhcp_opts"))
        {
            updated["extra_dhcp_opts"] = request["extra_dhcp_opts"]?.DeepClone() ?? new JsonArray();
        }

        if (request.ContainsKey("binding:profile"))
        {
            updated["binding:profile"] = request["binding:profile"]?.DeepClone() ?? new JsonObject();
        }

        if (request.ContainsKey("binding:host_id"))
        {
            Bind(updated, request.Str("binding:host_id") ?? string.Empty);
        }

        return updated;
    }

    /// <inheritdoc />
    protected override async Task OnDeleteAsync(RequestContext caller, StoredResource current, NetworkBatch batch, CancellationToken cancellationToken)
    {
        if (current.Body.Str("device_owner") is RouterInterfaceOwner or RouterGatewayOwner or FloatingIpOwner && !caller.IsAdmin)
        {
            throw NeutronException.Conflict("ServicePortInUse", $"Port {current.Id} cannot be deleted directly via the port API: has device owner {current.Body.Str("device_owner")}.");
        }

        ReleaseAll(current.Body, batch);
        foreach (var fip in (await Context.Store.ListAsync(ResourceKindNames.FloatingIp, cancellationToken)).Where(f => f.Body.Str("port_id") == current.Id))
        {
            batch.Replace(fip, FloatingIpKind.Disassociated(fip.Body, Context.Now, batch));
        }
    }

    // An instance port is DOWN until the node's network agent reports it wired (NetworkNodeService.RecordPluggedAsync,
    // nova's network-vif-plugged); binding it again to the same host keeps its status. Service ports (network:*)
    // are ACTIVE at once: their node applies them with no server waiting.
    private static void Bind(JsonObject port, string host)
    {
        var sameHost = port.Str("binding:host_id") == host && port.Str("status") is not null;
        port["binding:host_id"] = host;
        port["binding:vif_type"] = host.Length == 0 ? "unbound" : "bridge";
        port["binding:vif_details"] = host.Length == 0 ? new JsonObject() : new JsonObject { ["port_filter"] = true, ["connectivity"] = "l2" };
        if (port.Str("device_owner")!.StartsWith("network:", StringComparison.Ordinal))
        {
            port["status"] = "ACTIVE";
        }
        else if (!sameHost || host.Length == 0)
        {
            port["status"] = "DOWN";
        }
    }

    private async Task<List<JsonObject>> NetworkSubnetsAsync(string networkId, CancellationToken cancellationToken) =>
        (await Context.Store.ListAsync(ResourceKindNames.Subnet, cancellationToken)).Where(s => s.Body.Str("network_id") == networkId).Select(s => s.Body).ToList();

    // neutron's update_port_with_ips: a new MAC means new EUI-64 addresses on the auto-address subnets.
    private async Task<JsonArray> RecomputeAutoAddressesAsync(JsonObject port, List<JsonObject> subnets, NetworkBatch batch, CancellationToken cancellationToken)
    {
        var result = new JsonArray();
        foreach (var ip in port.Objects("fixed_ips"))
        {
            var subnet = subnets.FirstOrDefault(s => s.Id() == ip.Str("subnet_id"));
            if (subnet is null || !AutoAddress.IsAutoAddressSubnet(subnet) || !AutoAddress.IsEui64(ip.Str("ip_address")))
            {
                result.Add(ip.Copy());
                continue;
            }

            batch.Release(Ipam.AddressKey(subnet.Id(), ip.Str("ip_address")!));
            var address = AutoAddress.Eui64(subnet.Str("cidr")!, port.Str("mac_address")!);
            result.Add(Fixed(subnet.Id(), await Ipam.ReserveAsync(Context.Store, subnet.Id(), address, port.Id(), batch, cancellationToken)));
        }

        return result;
    }

    private async Task<JsonArray> AllocateAsync(List<JsonObject>? requested, List<JsonObject> subnets, string networkId, string portId, string owner, string mac, bool scanAutoAddress, NetworkBatch batch, CancellationToken cancellationToken)
    {
        var result = new JsonArray();
        var routerPort = owner == RouterInterfaceOwner;
        if (requested is null)
        {
            // Neutron's default: one address from an IPv4 subnet and one from a stateful IPv6 subnet of the network.
            foreach (var subnet in subnets.Where(s => !AutoAddress.IsAutoAddressSubnet(s)).GroupBy(s => s.Int("ip_version")).Select(g => g.OrderBy(s => s.Str("created_at"), StringComparer.Ordinal).First()))
            {
                result.Add(Fixed(subnet.Id(), await Ipam.AllocateAsync(Context.Store, subnet, null, portId, routerPort, batch, cancellationToken)));
            }
        }

        foreach (var ip in requested ?? [])
        {
            var address = ip.Str("ip_address");
            var subnet = ip.Str("subnet_id") is { } subnetId
                ? subnets.FirstOrDefault(s => s.Id() == subnetId) ?? throw NeutronException.BadRequest($"Invalid input for operation: Failed to create port on network {networkId}, because fixed_ips included invalid subnet {subnetId}.", "InvalidInput")
                : address is not null
                    ? subnets.FirstOrDefault(s => IpMath.ParseCidr(s.Str("cidr")).Contains(IpMath.ParseAddress(address, "ip_address")))
                        ?? throw NeutronException.BadRequest($"IP address {address} is not a valid IP for any subnet on network {networkId}.", "InvalidIpForNetwork")
                    : throw NeutronException.InvalidInput("fixed_ips entries need a subnet_id or an ip_address.");
            if (AutoAddress.IsAutoAddressSubnet(subnet))
            {
                if (address is not null && !AutoAddress.RouterInterfaceOwners.Contains(owner) && IpMath.ParseAddress(address, "ip_address") is var named
                    && IpMath.ParseCidr(subnet.Str("cidr")).Contains(named))
                {
                    // neutron accepts a named address on an auto-address subnet only when it is the port's own EUI-64.
                    var eui64 = AutoAddress.Eui64(subnet.Str("cidr")!, mac);
                    if (IpMath.Canonical(named) != eui64)
                    {
                        throw AutoAddress.NamedAddressRefused(address, subnet.Id());
                    }

                    result.Add(Fixed(subnet.Id(), await Ipam.ReserveAsync(Context.Store, subnet.Id(), eui64, portId, batch, cancellationToken)));
                    continue;
                }

                if (address is null && AutoAddress.Receives(owner))
                {
                    continue; // the scan below gives the EUI-64 of every auto-address subnet
                }
            }

            result.Add(Fixed(subnet.Id(), await Ipam.AllocateAsync(Context.Store, subnet, address, portId, routerPort, batch, cancellationToken)));
        }

        if (scanAutoAddress && AutoAddress.Receives(owner))
        {
            var addressed = result.Select(r => r!["subnet_id"]!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
            foreach (var subnet in subnets.Where(s => AutoAddress.IsAutoAddressSubnet(s) && !addressed.Contains(s.Id())).OrderBy(s => s.Str("created_at"), StringComparer.Ordinal))
            {
                var eui64 = AutoAddress.Eui64(subnet.Str("cidr")!, mac);
                result.Add(Fixed(subnet.Id(), await Ipam.ReserveAsync(Context.Store, subnet.Id(), eui64, portId, batch, cancellationToken)));
            }
        }

        return result;
    }

    private static JsonObject Fixed(string subnetId, string address) => new() { ["subnet_id"] = subnetId, ["ip_address"] = address };

    private async Task<List<string>> SecurityGroupsAsync(RequestContext caller, string projectId, JsonObject request, bool portSecurity, CancellationToken cancellationToken)
    {
        var named = request.Strings("security_groups");
        if (!portSecurity)
        {
            return named is { Count: > 0 }
                ? throw NeutronException.BadRequest("Port security must be enabled and port must have an IP address in order to use security groups.", "PortSecurityAndIPRequiredForSecurityGroups")
                : [];
        }

        if (named is null)
        {
            return [await groups.EnsureDefaultAsync(projectId, cancellationToken)];
        }

        foreach (var id in named)
        {
            await groups.RequireAsync(caller, id, cancellationToken);
        }

        return named.Distinct().ToList();
    }

    private static JsonArray AddressPairs(JsonObject request, string portMac) => new(request.Objects("allowed_address_pairs").Select(pair =>
    {
        var ip = pair.Str("ip_address") ?? throw NeutronException.BadRequest("Allowed address pairs must contain ip_address", "AllowedAddressPairsMissingIP");
        if (!ip.Contains('/'))
        {
            IpMath.ParseAddress(ip, "allowed_address_pairs.ip_address");
        }
        else
        {
            IpMath.ParseCidr(ip, "allowed_address_pairs.ip_address");
        }

        return (JsonNode?)new JsonObject { ["ip_address"] = ip, ["mac_address"] = pair.Str("mac_address") is { } m ? Ipam.ParseMac(m) : portMac };
    }).ToArray());
}

using System.Net;
using System.Numerics;
using System.Text.Json.Nodes;
using FuncCloud.Functions.Network.Api;
using FuncCloud.Shared.Network;
using FuncCloud.Shared.Security;

namespace FuncCloud.Functions.Network.Services;

/// <summary>
/// Subnets (IPv4 and IPv6): CIDR given or allocated from a subnet pool (the default pool with
/// <c>use_default_subnet_pool</c>), gateway inside the CIDR, allocation pools inside it and clear of the
/// gateway, no overlap with another subnet of the network. The network document lists its subnets and is
/// compare-and-swapped with each subnet create or delete, so overlap checks hold under concurrency.
/// </summary>
public sealed class SubnetKind(NeutronContext context) : ResourceKind(context)
{
    private static readonly HashSet<string> All = Standard(
        "network_id", "ip_version", "cidr", "gateway_ip", "allocation_pools", "dns_nameservers", "host_routes", "enable_dhcp",
        "ipv6_ra_mode", "ipv6_address_mode", "subnetpool_id", "segment_id", "service_types", "dns_publish_fixed_ip");

    private static readonly HashSet<string> Creatable = Set(
        "name", "description", "project_id", "tenant_id", "network_id", "ip_version", "cidr", "gateway_ip", "allocation_pools", "dns_nameservers",
        "host_routes", "enable_dhcp", "ipv6_ra_mode", "ipv6_address_mode", "subnetpool_id", "prefixlen", "use_default_subnetpool", "segment_id", "service_types");

    private static readonly HashSet<string> Updatable = Set("name", "description", "gateway_ip", "allocation_pools", "dns_nameservers", "host_routes", "enable_dhcp", "service_types");

    private const string DhcpOwner = "network:dhcp";

    /// <inheritdoc />
    public override string Singular => ResourceKindNames.Subnet;

    /// <inheritdoc />
    public override string Collection => "subnets";

    /// <inheritdoc />
    public override IReadOnlySet<string> Attributes => All;

    /// <inheritdoc />
    protected override IReadOnlySet<string> CreateAttributes => Creatable;

    /// <inheritdoc />
    protected override IReadOnlySet<string> UpdateAttributes => Updatable;

    /// <inheritdoc />
    public override NeutronException NotFound(string id) => NeutronException.NotFound("SubnetNotFound", $"Subnet {id} could not be found.");

    /// <inheritdoc />
    public override async Task<Func<JsonObject, bool>> VisibilityAsync(RequestContext caller, CancellationToken cancellationToken)
    {
        if (caller.IsAdmin)
        {
            return _ => true;
        }

        // As neutron's subnet query: the subnets of own, shared and RBAC-shared networks. An external network
        // alone (router:external, access_as_external) shows the network but not its subnets.
        var shared = await Context.RbacGrantsAsync(ResourceKindNames.Network, "access_as_shared", caller.ProjectId, cancellationToken);
        var networks = (await Context.Store.ListAsync(ResourceKindNames.Network, cancellationToken))
            .Where(n => n.Body.Project() == caller.ProjectId || n.Body.Bool("shared", false) || shared.Contains(n.Id)).Select(n => n.Id).ToHashSet();
        return subnet => subnet.Project() == caller.ProjectId || networks.Contains(subnet.Str("network_id") ?? string.Empty);
    }

    /// <summary>Releases what a subnet holds (its subnet-pool prefix).</summary>
    public static void ReleaseAll(JsonObject subnet, NetworkBatch batch)
    {
        if (subnet.Str("subnetpool_id") is { } pool)
        {
            batch.Release(PoolKey(pool, subnet.Str("cidr")!));
        }
    }

    /// <inheritdoc />
    protected override async Task<JsonObject> BuildAsync(RequestContext caller, string projectId, JsonObject request, NetworkBatch batch, CancellationToken cancellationToken)
    {
        var networkId = request.Str("network_id") ?? throw NeutronException.BadRequest("Failed to parse request. Required attribute 'network_id' not specified", "HTTPBadRequest");
        var network = await Context.Store.GetAsync(ResourceKindNames.Network, networkId, cancellationToken);
        if (network is null || !(await Context.NetworkVisibilityAsync(caller, cancellationToken))(network.Body))
        {
            throw NeutronException.NotFound("NetworkNotFound", $"Network {networkId} could not be found.");
        }

        if (!caller.IsAdmin && network.Body.Project() != projectId)
        {
            throw new NeutronException(403, "PolicyNotAuthorized", $"Tenant {projectId} not allowed to create subnet on this network");
        }

        var doc = NewDocument(projectId, request);
        var version = (int)(request.Int("ip_version") ?? 4);
        if (version is not (4 or 6))
        {
            throw NeutronException.InvalidInput($"{version} is not in [4, 6].");
        }

        var existing = (await Context.Store.ListAsync(ResourceKindNames.Subnet, cancellationToken)).Where(s => s.Body.Str("network_id") == networkId).ToList();
        var (cidr, poolId) = request.Str("cidr") is { } requestedCidr
            ? (IpMath.ParseCidr(requestedCidr), request.Str("subnetpool_id"))
            : await FromPoolAsync(caller, request, version, cancellationToken);
        if (IpMath.Version(cidr.BaseAddress) != version)
        {
            throw NeutronException.InvalidInput($"Cannot use CIDR {cidr} with ip_version {version}.");
        }

        foreach (var other in existing)
        {
            if (IpMath.Overlaps(cidr, IpMath.ParseCidr(other.Body.Str("cidr"))))
            {
                throw NeutronException.BadRequest($"Invalid input for operation: Requested subnet with cidr: {cidr} for network: {networkId} overlaps with another subnet.", "InvalidInput");
            }
        }

        if (poolId is not null)
        {
            batch.Reserve(PoolKey(poolId, cidr.ToString()), doc.Id());
        }

        var gateway = SubnetFields.Gateway(cidr, request, hasKey: request.ContainsKey("gateway_ip"));
        doc["network_id"] = networkId;
        doc["ip_version"] = version;
        doc["cidr"] = cidr.ToString();
        doc["gateway_ip"] = gateway is null ? null : IpMath.Canonical(gateway);
        doc["allocation_pools"] = request["allocation_pools"] is not null ? SubnetFields.ValidatePools(cidr, gateway, request) : SubnetFields.DefaultPools(cidr, gateway);
        doc["dns_nameservers"] = SubnetFields.Nameservers(request);
        doc["host_routes"] = SubnetFields.HostRoutes(request, version);
        doc["enable_dhcp"] = request.Bool("enable_dhcp", true);
        doc["ipv6_ra_mode"] = SubnetFields.Mode(request, "ipv6_ra_mode", version);
        doc["ipv6_address_mode"] = SubnetFields.Mode(request, "ipv6_address_mode", version);
        if (doc.Str("ipv6_ra_mode") is { } raMode && doc.Str("ipv6_address_mode") is { } addressMode && raMode != addressMode)
        {
            // neutron: radvd and dnsmasq cannot be told different things.
            throw NeutronException.InvalidInput($"ipv6_ra_mode set to '{raMode}' with ipv6_address_mode set to '{addressMode}' is not valid. If both attributes are set, they must be the same value");
        }

        if ((doc.Str("ipv6_ra_mode") ?? doc.Str("ipv6_address_mode")) is not null && !doc.Bool("enable_dhcp", true))
        {
            throw NeutronException.InvalidInput("ipv6_ra_mode or ipv6_address_mode cannot be set when enable_dhcp is set to False");
        }

        if (AutoAddress.IsAutoAddressSubnet(doc) && cidr.PrefixLength != 64)
        {
            throw AutoAddress.PrefixRefused(cidr.ToString());
        }

        doc["subnetpool_id"] = poolId;
        doc["segment_id"] = null;
        doc["service_types"] = (request.Strings("service_types") ?? []).ToJsonArray();

        var updatedNetwork = network.Body.Copy();
        updatedNetwork["subnets"] = (network.Body.Strings("subnets") ?? []).Append(doc.Id()).ToJsonArray();
        batch.Replace(network, updatedNetwork);
        return doc;
    }

    /// <inheritdoc />
    protected override Task AfterCreateAsync(RequestContext caller, JsonObject created, CancellationToken cancellationToken) =>
        AutoAddress.IsAutoAddressSubnet(created) ? AutoAddressPorts.AddAsync(Context, created, cancellationToken) : Task.CompletedTask;

    /// <inheritdoc />
    protected override Task<JsonObject> ApplyAsync(RequestContext caller, StoredResource current, JsonObject request, NetworkBatch batch, CancellationToken cancellationToken)
    {
        var updated = current.Body.Copy();
        var cidr = IpMath.ParseCidr(current.Body.Str("cidr"));
        var version = IpMath.Version(cidr.BaseAddress);
        updated["name"] = request.StrOr("name", current.Body.Str("name") ?? string.Empty);
        updated["description"] = request.StrOr("description", current.Body.Str("description") ?? string.Empty);
        updated["enable_dhcp"] = request.Bool("enable_dhcp", current.Body.Bool("enable_dhcp", true));
        if (request.ContainsKey("gateway_ip"))
        {
            updated["gateway_ip"] = SubnetFields.Gateway(cidr, request, hasKey: true) is { } gateway ? IpMath.Canonical(gateway) : null;
        }

        if (request.ContainsKey("allocation_pools"))
        {
            var gateway = updated.Str("gateway_ip") is { } g ? IPAddress.Parse(g) : null;
            updated["allocation_pools"] = SubnetFields.ValidatePools(cidr, gateway, request);
        }

        if (request.ContainsKey("dns_nameservers"))
        {
            updated["dns_nameservers"] = SubnetFields.Nameservers(request);
        }

        if (request.ContainsKey("host_routes"))
        {
            updated["host_routes"] = SubnetFields.HostRoutes(request, version);
        }

        if (request.ContainsKey("service_types"))
        {
            updated["service_types"] = (request.Strings("service_types") ?? []).ToJsonArray();
        }

        return Task.FromResult(updated);
    }

    /// <inheritdoc />
    protected override async Task OnDeleteAsync(RequestContext caller, StoredResource current, NetworkBatch batch, CancellationToken cancellationToken)
    {
        var ports = (await Context.Store.ListAsync(ResourceKindNames.Port, cancellationToken))
            .Where(p => p.Body.Objects("fixed_ips").Any(ip => ip.Str("subnet_id") == current.Id)).ToList();
        if (AutoAddress.IsAutoAddressSubnet(current.Body) && !ports.Any(p => AutoAddress.RouterInterfaceOwners.Contains(p.Body.StrOr("device_owner", string.Empty))))
        {
            // neutron takes auto-addresses away from the ports (router interfaces still refuse the delete).
            var users = ports.Where(p => p.Body.Str("device_owner") != DhcpOwner).ToList();
            await AutoAddressPorts.RemoveAsync(Context, current.Id, users, cancellationToken);
            ports = ports.Except(users).ToList();
        }

        if (ports.Any(p => p.Body.Str("device_owner") != DhcpOwner))
        {
            throw NeutronException.Conflict("SubnetInUse", $"Unable to complete operation on subnet {current.Id}: One or more ports have an IP allocation from this subnet.");
        }

        foreach (var port in ports)
        {
            PortKind.ReleaseAll(port.Body, batch);
            batch.Delete(port);
        }

        ReleaseAll(current.Body, batch);
        if (await Context.Store.GetAsync(ResourceKindNames.Network, current.Body.Str("network_id")!, cancellationToken) is { } network)
        {
            var updated = network.Body.Copy();
            updated["subnets"] = (network.Body.Strings("subnets") ?? []).Where(s => s != current.Id).ToJsonArray();
            batch.Replace(network, updated);
        }
    }

    /// <inheritdoc />
    protected override Exception? OnKeyTaken(string key) => null;

    private static string PoolKey(string poolId, string cidr) => $"pool:{poolId}:{cidr.Replace('/', '-')}";

    private async Task<(IPNetwork Cidr, string PoolId)> FromPoolAsync(RequestContext caller, JsonObject request, int version, CancellationToken cancellationToken)
    {
        var pools = await Context.Store.ListAsync(ResourceKindNames.SubnetPool, cancellationToken);
        StoredResource? pool;
        if (request.Str("subnetpool_id") is { } poolId)
        {
            pool = pools.FirstOrDefault(p => p.Id == poolId && (caller.IsAdmin || p.Body.Project() == caller.ProjectId || p.Body.Bool("shared", false)))
                ?? throw NeutronException.NotFound("SubnetPoolNotFound", $"Subnet pool {poolId} could not be found.");
        }
        else if (request.Bool("use_default_subnetpool", false))
        {
            pool = pools.FirstOrDefault(p => p.Body.Bool("is_default", false) && p.Body.Int("ip_version") == version)
                ?? throw NeutronException.BadRequest($"No default subnetpool found for IPv{version}", "BadRequest");
        }
        else
        {
            throw NeutronException.BadRequest("Bad subnets request: a cidr must be specified in the absence of a subnet pool", "BadRequest");
        }

        var prefixLength = (int)(request.Int("prefixlen") ?? pool.Body.Int("default_prefixlen") ?? 24);
        var min = pool.Body.Int("min_prefixlen") ?? 8;
        var max = pool.Body.Int("max_prefixlen") ?? 32;
        if (prefixLength < min || prefixLength > max)
        {
            throw NeutronException.BadRequest($"Unsupported prefix length {prefixLength} (pool allows {min}-{max}).", "IllegalSubnetPoolPrefixLength");
        }

        var used = (await Context.Store.ListAsync(ResourceKindNames.Subnet, cancellationToken))
            .Where(s => s.Body.Str("subnetpool_id") == pool.Id).Select(s => IpMath.ParseCidr(s.Body.Str("cidr"))).ToList();
        foreach (var prefix in pool.Body.Strings("prefixes") ?? [])
        {
            var outer = IpMath.ParseCidr(prefix);
            if (outer.PrefixLength > prefixLength)
            {
                continue;
            }

            var (first, last) = IpMath.Range(outer);
            var bits = version == 4 ? 32 : 128;
            var step = BigInteger.One << (bits - prefixLength);
            for (var start = first; start + step - 1 <= last; start += step)
            {
                var candidate = new IPNetwork(IpMath.FromNumber(start, outer.BaseAddress.AddressFamily), prefixLength);
                if (!used.Any(u => IpMath.Overlaps(u, candidate)))
                {
                    return (candidate, pool.Id);
                }
            }
        }

        throw NeutronException.Conflict("SubnetAllocationError", $"Failed to allocate subnet: Insufficient prefix space to allocate subnet size /{prefixLength}.");
    }
}

using System.Text.Json.Nodes;
using FuncCloud.Functions.Network.Api;
using FuncCloud.Shared.Network;
using FuncCloud.Shared.Security;
using Microsoft.Extensions.Options;

namespace FuncCloud.Functions.Network.Services;

/// <summary>
/// Networks. Tenant networks are VXLAN (MTU 1450, a VNI chosen from the ranges by reservation so no two
/// networks share one); admins may create flat or vxlan provider networks. Visible: own, shared,
/// external, RBAC-shared.
/// </summary>
public sealed class NetworkKind(NeutronContext context, IOptions<NetworkOptions> options) : ResourceKind(context)
{
    private static readonly HashSet<string> All = Standard(
        "admin_state_up", "status", "subnets", "shared", "router:external", "mtu", "availability_zone_hints", "availability_zones",
        "provider:network_type", "provider:physical_network", "provider:segmentation_id", "port_security_enabled", "is_default", "ipv4_address_scope", "ipv6_address_scope");

    private static readonly HashSet<string> Creatable = Set(
        "name", "description", "project_id", "tenant_id", "admin_state_up", "shared", "router:external", "mtu", "availability_zone_hints",
        "provider:network_type", "provider:physical_network", "provider:segmentation_id", "port_security_enabled", "is_default");

    private static readonly HashSet<string> Updatable = Set("name", "description", "admin_state_up", "shared", "router:external", "mtu", "port_security_enabled", "is_default");

    private static readonly string[] ProviderAttributes = ["provider:network_type", "provider:physical_network", "provider:segmentation_id"];

    /// <inheritdoc />
    public override string Singular => ResourceKindNames.Network;

    /// <inheritdoc />
    public override string Collection => "networks";

    /// <inheritdoc />
    public override IReadOnlySet<string> Attributes => All;

    /// <inheritdoc />
    protected override IReadOnlySet<string> CreateAttributes => Creatable;

    /// <inheritdoc />
    protected override IReadOnlySet<string> UpdateAttributes => Updatable;

    /// <inheritdoc />
    public override NeutronException NotFound(string id) => NeutronException.NotFound("NetworkNotFound", $"Network {id} could not be found.");

    /// <inheritdoc />
    public override Task<Func<JsonObject, bool>> VisibilityAsync(RequestContext caller, CancellationToken cancellationToken) =>
        Context.NetworkVisibilityAsync(caller, cancellationToken);

    /// <inheritdoc />
    public override JsonObject Render(RequestContext caller, JsonObject doc)
    {
        var shown = doc.Copy();
        foreach (var attribute in ProviderAttributes)
        {
            if (!Context.MaySee("get_network:" + attribute, caller, doc.Project()))
            {
                shown.Remove(attribute);
            }
        }

        return shown;
    }

    /// <inheritdoc />
    protected override Task<JsonObject> BuildAsync(RequestContext caller, string projectId, JsonObject request, NetworkBatch batch, CancellationToken cancellationToken)
    {
        var doc = NewDocument(projectId, request);
        var type = request.Str("provider:network_type") ?? "vxlan";
        if (type is not ("vxlan" or "flat" or "local"))
        {
            throw NeutronException.InvalidInput($"network_type value '{type}' not supported (vxlan, flat, local).");
        }

        var settings = options.Value;
        long? segment = type == "vxlan" ? request.Int("provider:segmentation_id") ?? Random.Shared.NextInt64(settings.VxlanMin, settings.VxlanMax + 1) : null;
        if (segment is { } vni)
        {
            if (vni < 1 || vni > 16777215)
            {
                throw NeutronException.InvalidInput($"segmentation_id {vni} is outside the VXLAN range.");
            }

            batch.Reserve($"vni:{vni}", doc.Id());
        }

        var physical = type == "flat" ? request.Str("provider:physical_network") ?? settings.DefaultPhysicalNetwork : null;
        if (physical is not null)
        {
            batch.Reserve($"flat:{physical}", doc.Id());
        }

        var defaultMtu = type == "vxlan" ? settings.VxlanMtu : settings.PhysicalMtu;
        var mtu = request.Int("mtu") ?? defaultMtu;
        if (mtu < 68 || mtu > defaultMtu)
        {
            throw NeutronException.InvalidInput($"Requested MTU {mtu} is outside 68-{defaultMtu} for a {type} network.");
        }

        doc["admin_state_up"] = request.Bool("admin_state_up", true);
        doc["status"] = "ACTIVE";
        doc["subnets"] = new JsonArray();
        doc["shared"] = request.Bool("shared", false);
        doc["router:external"] = request.Bool("router:external", false);
        doc["mtu"] = mtu;
        doc["availability_zone_hints"] = (request.Strings("availability_zone_hints") ?? []).ToJsonArray();
        doc["availability_zones"] = new JsonArray("nova");
        doc["provider:network_type"] = type;
        doc["provider:physical_network"] = physical;
        doc["provider:segmentation_id"] = segment;
        doc["port_security_enabled"] = request.Bool("port_security_enabled", true);
        doc["is_default"] = request.Bool("is_default", false);
        doc["ipv4_address_scope"] = null;
        doc["ipv6_address_scope"] = null;
        return Task.FromResult(doc);
    }

    /// <inheritdoc />
    protected override Exception? OnKeyTaken(string key) => key.StartsWith("flat:", StringComparison.Ordinal)
        ? NeutronException.Conflict("FlatNetworkInUse", $"Unable to create the flat network. Physical network {key[5..]} is in use.")
        : null;

    /// <inheritdoc />
    protected override async Task OnDeleteAsync(RequestContext caller, StoredResource current, NetworkBatch batch, CancellationToken cancellationToken)
    {
        // Neutron deletes a network's DHCP ports with it, and on an external network its floating IPs that are
        // associated with nothing (neutron's delete_disassociated_floatingips); any other port keeps it in use.
        var floating = current.Body.Bool("router:external", false)
            ? (await Context.Store.ListAsync(ResourceKindNames.FloatingIp, cancellationToken))
                .Where(f => f.Body.Str("floating_network_id") == current.Id && f.Body.Str("port_id") is null).ToList()
            : [];
        var released = floating.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        var ports = (await Context.Store.ListAsync(ResourceKindNames.Port, cancellationToken)).Where(p => p.Body.Str("network_id") == current.Id).ToList();
        if (ports.Any(p => p.Body.Str("device_owner") != "network:dhcp"
            && !(p.Body.Str("device_owner") == PortKind.FloatingIpOwner && released.Contains(p.Body.Str("device_id") ?? string.Empty))))
        {
            throw NeutronException.Conflict("NetworkInUse", $"Unable to complete operation on network {current.Id}. There are one or more ports still in use on the network.");
        }

        foreach (var port in ports)
        {
            PortKind.ReleaseAll(port.Body, batch);
            batch.Delete(port);
        }

        foreach (var fip in floating)
        {
            batch.Delete(fip);
        }

        foreach (var subnet in (await Context.Store.ListAsync(ResourceKindNames.Subnet, cancellationToken)).Where(s => s.Body.Str("network_id") == current.Id))
        {
            SubnetKind.ReleaseAll(subnet.Body, batch);
            batch.Delete(subnet);
        }

        if (current.Body.Int("provider:segmentation_id") is { } vni && current.Body.Str("provider:network_type") == "vxlan")
        {
            batch.Release($"vni:{vni}");
        }

        if (current.Body.Str("provider:physical_network") is { } physical)
        {
            batch.Release($"flat:{physical}");
        }
    }
}

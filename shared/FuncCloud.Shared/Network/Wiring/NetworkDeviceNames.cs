namespace FuncCloud.Shared.Network.Wiring;

/// <summary>
/// The host device names FuncCloud derives from Neutron ids, neutron's own scheme (Linux limits interface
/// names to 15 characters): the compute driver plugs <see cref="Tap"/> into <see cref="Bridge"/>, and the
/// network driver finds its devices by these prefixes when it cleans up.
/// </summary>
public static class NetworkDeviceNames
{
    /// <summary>The bridge of a network: <c>brq</c> + 11 characters of the id.</summary>
    public static string Bridge(string networkId) => "brq" + Short(networkId);

    /// <summary>The tap of an instance port: <c>tap</c> + 11 characters of the id.</summary>
    public static string Tap(string portId) => "tap" + Short(portId);

    /// <summary>The VXLAN device of a network: <c>vxlan-</c> + the VNI.</summary>
    public static string Vxlan(int vni) => "vxlan-" + vni.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The DHCP namespace of a network.</summary>
    public static string DhcpNamespace(string networkId) => "qdhcp-" + networkId;

    /// <summary>The namespace of a router.</summary>
    public static string RouterNamespace(string routerId) => "qrouter-" + routerId;

    private static string Short(string id) => id.Length > 11 ? id[..11] : id;
}

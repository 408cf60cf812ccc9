namespace FuncCloud.Agent.Network.LinuxBridge;

/// <summary>Settings of the Linux bridge network driver (the node's own settings come in <see cref="NetworkHostConfig"/>).</summary>
public sealed class LinuxBridgeOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string Section = "FuncCloud:Agent:LinuxBridge";

    /// <summary>
    /// A named network namespace that stands for the node's host: bridges, VXLAN devices and security group
    /// chains are made inside it (every host command runs through <c>ip netns exec</c>). Null (the default) is the
    /// real host. Used to run several "nodes" on one machine (tests, a dev box); qdhcp-/qrouter- namespaces stay
    /// machine-wide names either way.
    /// </summary>
    public string? HostNamespace { get; set; }

    /// <summary>The <c>ip</c> executable (iproute2).</summary>
    public string Ip { get; set; } = "ip";

    /// <summary>The <c>bridge</c> executable (iproute2), for VXLAN FDB entries.</summary>
    public string Bridge { get; set; } = "bridge";

    /// <summary>The <c>dnsmasq</c> executable.</summary>
    public string Dnsmasq { get; set; } = "dnsmasq";

    /// <summary>The <c>iptables</c> executable; <c>-restore</c> and the <c>ip6</c> variants are derived from it.</summary>
    public string Iptables { get; set; } = "iptables";

    /// <summary>The <c>sysctl</c> executable.</summary>
    public string Sysctl { get; set; } = "sysctl";

    /// <summary>The lease time dnsmasq hands out, in seconds (neutron's default is a day).</summary>
    public int DhcpLeaseSeconds { get; set; } = 86400;

    /// <summary>The DNS domain of DHCP host names (neutron's dns_domain).</summary>
    public string DhcpDomain { get; set; } = "openstacklocal";

    /// <summary>
    /// The node's metadata proxy socket (set by the agent when it runs one). When set, every DHCP namespace gets
    /// 169.254.169.254 with a haproxy that forwards to it, and DHCP clients a route to that address through the
    /// DHCP port (neutron's isolated metadata, forced on). Null: no metadata path from this driver.
    /// </summary>
    public string? MetadataProxySocket { get; set; }

    /// <summary>The <c>haproxy</c> executable.</summary>
    public string Haproxy { get; set; } = "haproxy";
}

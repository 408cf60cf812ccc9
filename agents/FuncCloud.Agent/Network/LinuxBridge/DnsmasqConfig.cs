using System.Globalization;
using System.Net;
using System.Text;
using FuncCloud.Shared.Network.Wiring;

namespace FuncCloud.Agent.Network.LinuxBridge;

/// <summary>
/// What one network's dnsmasq is told, as neutron's DHCP agent tells it: the command line (changes mean a
/// restart) and the host and options files (changes mean a SIGHUP, which makes dnsmasq re-read both).
/// </summary>
/// <param name="Arguments">The command line after the executable.</param>
/// <param name="HostsFile">The <c>--dhcp-hostsfile</c> text: one fixed lease per line.</param>
/// <param name="OptionsFile">The <c>--dhcp-optsfile</c> text: router, DNS, classless routes per subnet.</param>
public sealed record DnsmasqConfig(IReadOnlyList<string> Arguments, string HostsFile, string OptionsFile)
{
    /// <summary>Builds the configuration of <paramref name="server"/> with its files in <paramref name="folder"/>.</summary>
    public static DnsmasqConfig Build(DhcpServerState server, string interfaceName, string folder, LinuxBridgeOptions options)
    {
        var args = new List<string>
        {
            "--no-hosts",
            "--no-resolv",
            "--conf-file=/dev/null",
            "--port=0",
            "--bind-interfaces",
            "--interface=" + interfaceName,
            "--except-interface=lo",
            "--pid-file=" + Path.Combine(folder, DhcpWiring.PidFile),
            "--dhcp-hostsfile=" + Path.Combine(folder, DhcpWiring.HostsFile),
            "--dhcp-optsfile=" + Path.Combine(folder, DhcpWiring.OptionsFile),
            "--dhcp-leasefile=" + Path.Combine(folder, DhcpWiring.LeasesFile),
            "--dhcp-authoritative",
            // dnsmasq re-reads its host and options files on SIGHUP; dropped to its own user it cannot read them
            // in the agent's state folder (root-only), and the namespace is its only reach anyway.
            "--user=root",
            // No syslog on these hosts: dnsmasq's own log (every DHCP exchange) sits next to its files.
            "--log-facility=" + Path.Combine(folder, "dnsmasq.log"),
            "--log-dhcp",
            "--dhcp-lease-max=" + Math.Max(16, server.Hosts.Count * 2).ToString(CultureInfo.InvariantCulture),
            "--domain=" + options.DhcpDomain,
            // Option 26: clients take the network's MTU (1450 on VXLAN) even when they did not ask for it.
            "--dhcp-option-force=option:mtu," + server.Mtu.ToString(CultureInfo.InvariantCulture),
        };

        var lease = options.DhcpLeaseSeconds.ToString(CultureInfo.InvariantCulture) + "s";
        var enableRa = false;
        foreach (var subnet in server.Subnets)
        {
            var (network, prefix) = ParseCidr(subnet.Cidr);
            var tag = Tag(subnet);
            if (subnet.IpVersion == 4)
            {
                args.Add($"--dhcp-range=set:{tag},{network},static,{Netmask(prefix)},{lease}");
                continue;
            }

            if (prefix < 64)
            {
                continue; // neutron's DHCP agent ignores IPv6 subnets wider than a /64
            }

            enableRa |= subnet.Ipv6RaMode is not null;
            if (Ipv6RangeMode(subnet) is { } mode)
            {
                args.Add($"--dhcp-range=set:{tag},{network},{mode},{prefix.ToString(CultureInfo.InvariantCulture)},{lease}");
            }
        }

        if (enableRa)
        {
            args.Add("--enable-ra");
        }

        return new DnsmasqConfig(args, BuildHosts(server, options), BuildOptions(server, options.MetadataProxySocket is not null));
    }

    /// <summary>
    /// The <c>--dhcp-range</c> mode of an IPv6 subnet. The DHCPv6 side is neutron's DHCP agent's (<c>static</c> for
    /// stateful, stateless and unset address modes, nothing for SLAAC). Neutron sends router advertisements from
    /// the router's radvd; FuncCloud has no radvd, so when <c>ipv6_ra_mode</c> is set this dnsmasq advertises the
    /// prefix instead: <c>ra-only</c> (SLAAC), <c>ra-stateless</c> (SLAAC + DHCPv6 options) or <c>static</c> with the
    /// managed flag (stateful). Without <c>ipv6_ra_mode</c> an outside router is expected to advertise, as in neutron.
    /// </summary>
    public static string? Ipv6RangeMode(DhcpSubnet subnet) => subnet.Ipv6RaMode switch
    {
        "slaac" => "ra-only",
        "dhcpv6-stateless" => "ra-stateless",
        "dhcpv6-stateful" => "static",
        _ => subnet.Ipv6AddressMode == "slaac" ? null : "static",
    };

    private static string BuildHosts(DhcpServerState server, LinuxBridgeOptions options)
    {
        // Addresses on SLAAC and DHCPv6-stateless subnets are the guest's own EUI-64: no DHCPv6 lease for them (neutron's no_dhcp).
        var auto = server.Subnets.Where(s => s.IpVersion == 6 && s.Ipv6AddressMode is "slaac" or "dhcpv6-stateless")
            .Select(s => IPNetwork.Parse(s.Cidr)).ToList();
        var text = new StringBuilder();
        foreach (var host in server.Hosts.OrderBy(h => h.IpAddress, StringComparer.Ordinal))
        {
            var address = IPAddress.Parse(host.IpAddress);
            if (auto.Any(n => n.Contains(address)))
            {
                continue;
            }

            var shown = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();
            text.Append(CultureInfo.InvariantCulture, $"{host.MacAddress.ToLowerInvariant()},{host.Hostname}.{options.DhcpDomain},{shown}\n");
        }

        return text.ToString();
    }

    private static string BuildOptions(DhcpServerState server, bool metadata)
    {
        var text = new StringBuilder();
        foreach (var subnet in server.Subnets)
        {
            var tag = Tag(subnet);
            if (subnet.IpVersion == 4)
            {
                if (subnet.DnsNameservers.Count > 0)
                {
                    text.Append(CultureInfo.InvariantCulture, $"tag:{tag},option:dns-server,{string.Join(',', subnet.DnsNameservers)}\n");
                }

                // The metadata address is reached through the DHCP port, where this network's metadata proxy listens.
                var metadataRoute = metadata && DhcpAddressIn(server, subnet) is { } dhcpAddress
                    ? new HostRoute(MetadataProxyWiring.MetadataCidr, dhcpAddress)
                    : null;
                var hostRoutes = metadataRoute is null ? subnet.HostRoutes : [.. subnet.HostRoutes, metadataRoute];
                if (hostRoutes.Count > 0)
                {
                    // RFC 3442: a client given option 121 ignores the router option, so the default route goes in too.
                    var routes = hostRoutes.Select(r => $"{r.Destination},{r.NextHop}").ToList();
                    if (subnet.GatewayIp is { } gw)
                    {
                        routes.Add($"0.0.0.0/0,{gw}");
                    }

                    text.Append(CultureInfo.InvariantCulture, $"tag:{tag},option:classless-static-route,{string.Join(',', routes)}\n");
                    text.Append(CultureInfo.InvariantCulture, $"tag:{tag},249,{string.Join(',', routes)}\n");
                }

                // No gateway: an empty router option tells the client there is none (neutron does the same).
                text.Append(CultureInfo.InvariantCulture, $"tag:{tag},option:router{(subnet.GatewayIp is { } g ? "," + g : string.Empty)}\n");
            }
            else if (subnet.DnsNameservers.Count > 0 && subnet.Ipv6AddressMode != "slaac")
            {
                text.Append(CultureInfo.InvariantCulture, $"tag:{tag},option6:dns-server,{string.Join(',', subnet.DnsNameservers.Select(d => $"[{d}]"))}\n");
            }
        }

        return text.ToString();
    }

    private static string Tag(DhcpSubnet subnet) => "subnet-" + subnet.SubnetId;

    // The DHCP port's address inside the subnet (its addresses are in CIDR form, one per subnet).
    private static string? DhcpAddressIn(DhcpServerState server, DhcpSubnet subnet)
    {
        var (network, prefix) = ParseCidr(subnet.Cidr);
        return server.PortAddresses
            .Select(a => a.Split('/')[0])
            .FirstOrDefault(a => IPAddress.TryParse(a, out var ip) && ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && ParseCidr($"{a}/{prefix}").Network == network);
    }

    private static (string Network, int Prefix) ParseCidr(string cidr)
    {
        var parts = cidr.Split('/');
        if (parts.Length != 2 || !IPAddress.TryParse(parts[0], out var address) || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var prefix))
        {
            throw new NetworkDriverException($"Invalid CIDR '{cidr}'.");
        }

        var bytes = address.GetAddressBytes();
        for (var i = 0; i < bytes.Length; i++)
        {
            var keep = Math.Clamp(prefix - (i * 8), 0, 8);
            bytes[i] &= (byte)(0xFF << (8 - keep));
        }

        return (new IPAddress(bytes).ToString(), prefix);
    }

    private static string Netmask(int prefix)
    {
        var mask = prefix == 0 ? 0u : uint.MaxValue << (32 - prefix);
        return new IPAddress([(byte)(mask >> 24), (byte)(mask >> 16), (byte)(mask >> 8), (byte)mask]).ToString();
    }
}

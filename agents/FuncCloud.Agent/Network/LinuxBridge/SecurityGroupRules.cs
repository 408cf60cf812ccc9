using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using FuncCloud.Shared.Network.Wiring;

namespace FuncCloud.Agent.Network.LinuxBridge;

/// <summary>
/// Security groups as <c>iptables-restore --noflush</c> input for one address family, neutron's
/// iptables-firewall layout with our own chain names: <c>FORWARD</c> jumps to <c>fcl-FORWARD</c>, which
/// sends a bridged packet leaving to a port's tap (<c>physdev-out</c>) through <c>fcl-i…</c> (ingress) and one
/// arriving from it (<c>physdev-in</c>) through <c>fcl-o…</c> (egress, which starts with the anti-spoofing
/// chain <c>fcl-s…</c>: the port's MAC with its fixed IPs and allowed address pairs). Each chain accepts
/// established/related traffic, DHCP, the rules, and drops the rest; matching on the tap's name means a tap
/// that appears later is filtered without another apply. Ports with port security off get nothing.
/// </summary>
public static class SecurityGroupRules
{
    /// <summary>The driver's base chain, jumped to from FORWARD.</summary>
    public const string BaseChain = "fcl-FORWARD";

    /// <summary>Every chain of the driver starts with this.</summary>
    public const string ChainPrefix = "fcl-";

    /// <summary>The comment on a port's jump rules that names the port (how ObserveAsync finds filtered ports).</summary>
    public const string PortComment = "fcl-port:";

    /// <summary>The chains (base first) and the restore text for <paramref name="ports"/> in one family (4 or 6).</summary>
    public static (IReadOnlyList<string> Chains, string Text) Build(IEnumerable<PortState> ports, int family)
    {
        var filtered = ports.Where(p => p.PortSecurityEnabled).OrderBy(p => p.PortId, StringComparer.Ordinal).ToList();
        var chains = new List<string> { BaseChain };
        var rules = new StringBuilder();
        var jumps = new StringBuilder();
        var accepts = new StringBuilder();
        foreach (var port in filtered)
        {
            var suffix = NamespacePort.Suffix(port.PortId);
            var tap = NetworkDeviceNames.Tap(port.PortId);
            string ingress = "fcl-i" + suffix, egress = "fcl-o" + suffix, spoof = "fcl-s" + suffix;
            chains.AddRange([ingress, egress, spoof]);
            var comment = $"-m comment --comment {PortComment}{port.PortId}";
            jumps.Append(CultureInfo.InvariantCulture, $"-A {BaseChain} -m physdev --physdev-out {tap} --physdev-is-bridged {comment} -j {ingress}\n");
            jumps.Append(CultureInfo.InvariantCulture, $"-A {BaseChain} -m physdev --physdev-in {tap} --physdev-is-bridged {comment} -j {egress}\n");
            accepts.Append(CultureInfo.InvariantCulture, $"-A {BaseChain} -m physdev --physdev-out {tap} --physdev-is-bridged -j ACCEPT\n");
            accepts.Append(CultureInfo.InvariantCulture, $"-A {BaseChain} -m physdev --physdev-in {tap} --physdev-is-bridged -j ACCEPT\n");
            AppendIngress(rules, ingress, port, family);
            AppendEgress(rules, egress, spoof, port, family);
            AppendSpoof(rules, spoof, port, family);
        }

        var text = new StringBuilder("*filter\n");
        foreach (var chain in chains)
        {
            text.Append(':').Append(chain).Append(" - [0:0]\n");
        }

        // Both of a packet's ports are checked (the jumps RETURN on allow) before either ACCEPTs it.
        text.Append(jumps).Append(accepts).Append(rules).Append("COMMIT\n");
        return (chains, text.ToString());
    }

    private static void AppendIngress(StringBuilder rules, string chain, PortState port, int family)
    {
        rules.Append(CultureInfo.InvariantCulture, $"-A {chain} -m conntrack --ctstate RELATED,ESTABLISHED -j RETURN\n");
        if (family == 4)
        {
            rules.Append(CultureInfo.InvariantCulture, $"-A {chain} -p udp -m udp --sport 67 --dport 68 -j RETURN\n");
        }
        else
        {
            // Neighbour discovery, router advertisements and MLD must reach the port; DHCPv6 replies too.
            foreach (var type in new[] { 130, 131, 132, 134, 135, 136, 143 })
            {
                rules.Append(CultureInfo.InvariantCulture, $"-A {chain} -p ipv6-icmp -m icmp6 --icmpv6-type {type} -j RETURN\n");
            }

            rules.Append(CultureInfo.InvariantCulture, $"-A {chain} -p udp -m udp --sport 547 --dport 546 -j RETURN\n");
        }

        rules.Append(CultureInfo.InvariantCulture, $"-A {chain} -m conntrack --ctstate INVALID -j DROP\n");
        AppendRules(rules, chain, port, "ingress", family);
        rules.Append(CultureInfo.InvariantCulture, $"-A {chain} -j DROP\n");
    }

    private static void AppendEgress(StringBuilder rules, string chain, string spoof, PortState port, int family)
    {
        if (family == 4)
        {
            // DHCP discover leaves from 0.0.0.0, before the port has its address: allowed ahead of anti-spoofing.
            rules.Append(CultureInfo.InvariantCulture, $"-A {chain} -s 0.0.0.0/32 -d 255.255.255.255/32 -p udp -m udp --sport 68 --dport 67 -j RETURN\n");
        }
        else
        {
            foreach (var type in new[] { 131, 133, 135, 136, 143 })
            {
                rules.Append(CultureInfo.InvariantCulture, $"-A {chain} -p ipv6-icmp -m icmp6 --icmpv6-type {type} -j RETURN\n");
            }
        }

        rules.Append(CultureInfo.InvariantCulture, $"-A {chain} -j {spoof}\n");
        if (family == 4)
        {
            rules.Append(CultureInfo.InvariantCulture, $"-A {chain} -p udp -m udp --sport 68 --dport 67 -j RETURN\n");
            rules.Append(CultureInfo.InvariantCulture, $"-A {chain} -p udp -m udp --sport 67 --dport 68 -j DROP\n");
        }
        else
        {
            rules.Append(CultureInfo.InvariantCulture, $"-A {chain} -p udp -m udp --sport 546 --dport 547 -j RETURN\n");
            rules.Append(CultureInfo.InvariantCulture, $"-A {chain} -p udp -m udp --sport 547 --dport 546 -j DROP\n");
        }

        rules.Append(CultureInfo.InvariantCulture, $"-A {chain} -m conntrack --ctstate RELATED,ESTABLISHED -j RETURN\n");
        rules.Append(CultureInfo.InvariantCulture, $"-A {chain} -m conntrack --ctstate INVALID -j DROP\n");
        AppendRules(rules, chain, port, "egress", family);
        rules.Append(CultureInfo.InvariantCulture, $"-A {chain} -j DROP\n");
    }

    private static void AppendSpoof(StringBuilder rules, string chain, PortState port, int family)
    {
        var mac = port.MacAddress.ToLowerInvariant();
        var sources = port.FixedIps.Concat(port.AllowedAddressPairs).Where(a => FamilyOf(a) == family).Distinct(StringComparer.Ordinal).ToList();
        if (family == 6)
        {
            // The link-local address SLAAC derives from the MAC (neighbour discovery uses it).
            sources.Add("fe80::/64");
        }

        foreach (var source in sources)
        {
            rules.Append(CultureInfo.InvariantCulture, $"-A {chain} -s {source} -m mac --mac-source {mac} -j RETURN\n");
        }

        rules.Append(CultureInfo.InvariantCulture, $"-A {chain} -j DROP\n");
    }

    private static void AppendRules(StringBuilder rules, string chain, PortState port, string direction, int family)
    {
        var ethertype = family == 4 ? "IPv4" : "IPv6";
        foreach (var rule in port.Rules.Where(r => string.Equals(r.Direction, direction, StringComparison.OrdinalIgnoreCase) && string.Equals(r.Ethertype, ethertype, StringComparison.OrdinalIgnoreCase)))
        {
            var match = Match(rule, family);
            var prefixes = rule.RemotePrefixes.Where(p => FamilyOf(p) == family).ToList();
            if (rule.RemotePrefixes.Count > 0 && prefixes.Count == 0)
            {
                continue;
            }

            var side = direction == "ingress" ? "-s" : "-d";
            foreach (var prefix in prefixes.Count == 0 ? [null] : prefixes.Cast<string?>())
            {
                var remote = prefix is null ? string.Empty : $"{side} {prefix} ";
                rules.Append(CultureInfo.InvariantCulture, $"-A {chain} {remote}{match}-j RETURN\n");
            }
        }
    }

    private static string Match(SecurityRuleState rule, int family)
    {
        var protocol = rule.Protocol?.ToLowerInvariant() switch
        {
            null or "" or "any" => null,
            "6" => "tcp",
            "17" => "udp",
            "1" or "icmp" when family == 6 => "ipv6-icmp",
            "1" => "icmp",
            "58" or "icmpv6" => "ipv6-icmp",
            var other => other,
        };
        if (protocol is null)
        {
            return string.Empty;
        }

        var text = $"-p {protocol} ";
        switch (protocol)
        {
            case "tcp" or "udp" or "sctp" or "dccp" when rule.PortRangeMin is { } min:
                var max = rule.PortRangeMax ?? min;
                text += $"-m {protocol} --dport {min}{(max != min ? ":" + max.ToString(CultureInfo.InvariantCulture) : string.Empty)} ";
                break;
            case "icmp" when rule.PortRangeMin is { } type:
                text += $"-m icmp --icmp-type {type}{(rule.PortRangeMax is { } code ? "/" + code.ToString(CultureInfo.InvariantCulture) : string.Empty)} ";
                break;
            case "ipv6-icmp" when rule.PortRangeMin is { } type6:
                text += $"-m icmp6 --icmpv6-type {type6}{(rule.PortRangeMax is { } code6 ? "/" + code6.ToString(CultureInfo.InvariantCulture) : string.Empty)} ";
                break;
        }

        return text;
    }

    private static int FamilyOf(string addressOrCidr)
    {
        var address = addressOrCidr.Split('/')[0];
        return IPAddress.TryParse(address, out var parsed) && parsed.AddressFamily == AddressFamily.InterNetworkV6 ? 6 : 4;
    }
}

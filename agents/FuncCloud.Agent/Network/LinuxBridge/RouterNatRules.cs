using System.Net;
using System.Text;
using FuncCloud.Shared.Network.Wiring;

namespace FuncCloud.Agent.Network.LinuxBridge;

/// <summary>
/// A router namespace's whole <c>nat</c> table as <c>iptables-restore</c> input (the namespace is the
/// router's alone, so the table is replaced atomically on every apply): a DNAT (PREROUTING and OUTPUT) and
/// SNAT pair per floating IP, then, with SNAT enabled, the internal subnets leaving the gateway source-NATed
/// to the gateway's first IPv4 address (connections that were DNATed in keep their floating address).
/// </summary>
public static class RouterNatRules
{
    /// <summary>The restore text for <paramref name="router"/>.</summary>
    public static string Build(RouterState router, string? gatewayDevice)
    {
        var text = new StringBuilder();
        text.Append("*nat\n:PREROUTING ACCEPT [0:0]\n:INPUT ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n:POSTROUTING ACCEPT [0:0]\n");
        if (router.Gateway is { } gateway && gatewayDevice is not null)
        {
            foreach (var fip in router.FloatingIps.OrderBy(f => f.FloatingIp, StringComparer.Ordinal))
            {
                text.Append("-A PREROUTING -d ").Append(fip.FloatingIp).Append("/32 -j DNAT --to-destination ").Append(fip.FixedIp).Append('\n');
                text.Append("-A OUTPUT -d ").Append(fip.FloatingIp).Append("/32 -j DNAT --to-destination ").Append(fip.FixedIp).Append('\n');
                text.Append("-A POSTROUTING -s ").Append(fip.FixedIp).Append("/32 -o ").Append(gatewayDevice).Append(" -j SNAT --to-source ").Append(fip.FloatingIp).Append('\n');
            }

            var source = gateway.Addresses.Select(a => a.Split('/')[0]).FirstOrDefault(IsIpv4);
            if (gateway.EnableSnat && source is not null)
            {
                foreach (var cidr in router.Interfaces.SelectMany(i => i.Addresses).Where(a => IsIpv4(a.Split('/')[0])).Select(NetworkOf).Distinct(StringComparer.Ordinal))
                {
                    text.Append("-A POSTROUTING -s ").Append(cidr).Append(" -o ").Append(gatewayDevice)
                        .Append(" -m conntrack ! --ctstate DNAT -j SNAT --to-source ").Append(source).Append('\n');
                }
            }
        }

        text.Append("COMMIT\n");
        return text.ToString();
    }

    private static bool IsIpv4(string address) => IPAddress.TryParse(address, out var parsed) && parsed.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork;

    // An interface address carries host bits ("10.1.0.1/24"); the rule wants the subnet ("10.1.0.0/24").
    private static string NetworkOf(string cidr)
    {
        var parts = cidr.Split('/');
        var prefix = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        var bytes = IPAddress.Parse(parts[0]).GetAddressBytes();
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] &= (byte)(0xFF << (8 - Math.Clamp(prefix - (i * 8), 0, 8)));
        }

        return $"{new IPAddress(bytes)}/{prefix}";
    }
}

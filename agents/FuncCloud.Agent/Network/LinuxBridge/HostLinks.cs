using System.Text.Json;

namespace FuncCloud.Agent.Network.LinuxBridge;

/// <summary>One network interface as <c>ip -j -d link</c> shows it.</summary>
/// <param name="Name">The interface name.</param>
/// <param name="Kind">bridge, veth, vxlan … (null for a plain device).</param>
/// <param name="Master">The bridge it is enslaved to, or null.</param>
/// <param name="Mtu">The MTU.</param>
/// <param name="Mac">The MAC address.</param>
/// <param name="IsUp">Whether the UP flag is set.</param>
/// <param name="VxlanId">The VNI of a vxlan device.</param>
/// <param name="VxlanLocal">The local underlay address of a vxlan device.</param>
public sealed record HostLink(string Name, string? Kind, string? Master, int Mtu, string? Mac, bool IsUp, int? VxlanId, string? VxlanLocal);

/// <summary>Reads interfaces and addresses from iproute2's JSON output.</summary>
public static class HostLinks
{
    /// <summary>The interfaces of the host namespace (<paramref name="ns"/> null) or of a namespace.</summary>
    public static async Task<IReadOnlyDictionary<string, HostLink>> ListAsync(NetworkCommands commands, string? ns, CancellationToken cancellationToken)
    {
        var result = await commands.InAsync(ns, commands.Options.Ip, ["-j", "-d", "link", "show"], cancellationToken);
        return Parse(result.StandardOutput).ToDictionary(l => l.Name, StringComparer.Ordinal);
    }

    /// <summary>The global-scope addresses of <paramref name="device"/> in CIDR form.</summary>
    public static async Task<IReadOnlyList<string>> AddressesAsync(NetworkCommands commands, string? ns, string device, CancellationToken cancellationToken)
    {
        var result = await commands.InAsync(ns, commands.Options.Ip, ["-j", "addr", "show", "dev", device], cancellationToken);
        var addresses = new List<string>();
        using var json = JsonDocument.Parse(Blank(result.StandardOutput));
        foreach (var link in json.RootElement.EnumerateArray())
        {
            if (!link.TryGetProperty("addr_info", out var infos))
            {
                continue;
            }

            foreach (var info in infos.EnumerateArray())
            {
                if (info.TryGetProperty("scope", out var scope) && scope.GetString() == "global")
                {
                    addresses.Add($"{info.GetProperty("local").GetString()}/{info.GetProperty("prefixlen").GetInt32()}");
                }
            }
        }

        return addresses;
    }

    /// <summary>Parses <c>ip -j -d link show</c>.</summary>
    public static IReadOnlyList<HostLink> Parse(string json)
    {
        using var document = JsonDocument.Parse(Blank(json));
        var links = new List<HostLink>();
        foreach (var link in document.RootElement.EnumerateArray())
        {
            string? kind = null;
            int? vni = null;
            string? local = null;
            if (link.TryGetProperty("linkinfo", out var info))
            {
                kind = info.TryGetProperty("info_kind", out var k) ? k.GetString() : null;
                if (kind == "vxlan" && info.TryGetProperty("info_data", out var data))
                {
                    vni = data.TryGetProperty("id", out var id) ? id.GetInt32() : null;
                    local = data.TryGetProperty("local", out var l) ? l.GetString() : null;
                }
            }

            var flags = link.TryGetProperty("flags", out var f) ? f.EnumerateArray().Select(x => x.GetString()).ToList() : [];
            links.Add(new HostLink(
                link.GetProperty("ifname").GetString()!,
                kind,
                link.TryGetProperty("master", out var master) ? master.GetString() : null,
                link.TryGetProperty("mtu", out var mtu) ? mtu.GetInt32() : 0,
                link.TryGetProperty("address", out var mac) ? mac.GetString() : null,
                flags.Contains("UP"),
                vni,
                local));
        }

        return links;
    }

    private static string Blank(string json) => string.IsNullOrWhiteSpace(json) ? "[]" : json;
}

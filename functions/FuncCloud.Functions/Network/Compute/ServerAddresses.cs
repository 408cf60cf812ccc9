using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using FuncCloud.Functions.Network.Services;
using FuncCloud.Shared.Network;

namespace FuncCloud.Functions.Network.Compute;

/// <summary>
/// A server's <c>addresses</c> from its ports, as nova's view renders its network info: per network name the
/// fixed addresses, then the floating IPs associated with them. One read of ports, networks and floating IPs
/// serves a whole page of servers (never a query per server).
/// </summary>
public sealed class ServerAddresses(NetworkStore store)
{
    /// <summary>The <c>addresses</c> of each of <paramref name="serverIds"/> (servers without ports get <c>{}</c>).</summary>
    public async Task<Func<string, JsonObject>> ForAsync(IReadOnlyCollection<string> serverIds, CancellationToken cancellationToken)
    {
        if (serverIds.Count == 0)
        {
            return _ => [];
        }

        var wanted = serverIds.ToHashSet(StringComparer.Ordinal);
        var ports = (await store.ListAsync(ResourceKindNames.Port, cancellationToken)).Select(p => p.Body)
            .Where(p => p.Str("device_id") is { } device && wanted.Contains(device))
            .OrderBy(p => p.Str("created_at"), StringComparer.Ordinal).ThenBy(p => p.Id(), StringComparer.Ordinal).ToList();
        if (ports.Count == 0)
        {
            return _ => [];
        }

        var networks = (await store.ListAsync(ResourceKindNames.Network, cancellationToken)).ToDictionary(n => n.Id, n => n.Body.StrOr("name", n.Id), StringComparer.Ordinal);
        var portIds = ports.Select(p => p.Id()).ToHashSet(StringComparer.Ordinal);
        var floating = (await store.ListAsync(ResourceKindNames.FloatingIp, cancellationToken)).Select(f => f.Body)
            .Where(f => f.Str("port_id") is { } portId && portIds.Contains(portId)).ToList();
        var byServer = ports.GroupBy(p => p.Str("device_id")!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Render(g, networks, floating), StringComparer.Ordinal);
        return id => byServer.TryGetValue(id, out var addresses) ? addresses.DeepClone().AsObject() : [];
    }

    private static JsonObject Render(IEnumerable<JsonObject> ports, Dictionary<string, string> networks, List<JsonObject> floating)
    {
        var result = new JsonObject();
        foreach (var port in ports)
        {
            var name = networks.GetValueOrDefault(port.Str("network_id")!, port.Str("network_id")!);
            if (result[name] is not JsonArray list)
            {
                list = [];
                result[name] = list;
            }

            var mac = port.Str("mac_address");
            foreach (var ip in port.Objects("fixed_ips"))
            {
                list.Add(Address(ip.Str("ip_address")!, "fixed", mac));
            }

            foreach (var fip in floating.Where(f => f.Str("port_id") == port.Id()))
            {
                list.Add(Address(fip.Str("floating_ip_address")!, "floating", mac));
            }
        }

        return result;
    }

    // nova's view: version, addr, OS-EXT-IPS:type, OS-EXT-IPS-MAC:mac_addr.
    private static JsonObject Address(string address, string type, string? mac) => new()
    {
        ["version"] = IPAddress.TryParse(address, out var parsed) && parsed.AddressFamily == AddressFamily.InterNetworkV6 ? 6 : 4,
        ["addr"] = address,
        ["OS-EXT-IPS:type"] = type,
        ["OS-EXT-IPS-MAC:mac_addr"] = mac,
    };
}

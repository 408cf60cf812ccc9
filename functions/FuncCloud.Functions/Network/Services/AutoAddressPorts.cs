using System.Text.Json.Nodes;
using FuncCloud.Functions.Network.Api;
using FuncCloud.Shared.Network;
using FuncCloud.Shared.Storage;

namespace FuncCloud.Functions.Network.Services;

/// <summary>
/// What an auto-address subnet does to the ports already on its network, as neutron does it: its create gives
/// each port (router interfaces excepted) its EUI-64 address after the subnet is committed (neutron's
/// <c>add_auto_addrs_on_network_ports</c>, also after its commit), its delete takes those addresses away
/// instead of refusing. Each port changes in its own compare-and-swap, so a network of any size fits (one
/// transaction holds at most 100 rows); a port deleted meanwhile is skipped.
/// </summary>
public static class AutoAddressPorts
{
    private const int MaxAttempts = 8;

    /// <summary>Gives every port of the network of <paramref name="subnet"/> its EUI-64 address on it.</summary>
    public static async Task AddAsync(NeutronContext context, JsonObject subnet, CancellationToken cancellationToken)
    {
        var subnetId = subnet.Id();
        foreach (var port in await PortsAsync(context, subnet.Str("network_id")!, cancellationToken))
        {
            await ChangeAsync(context, port.Id, async (doc, batch) =>
            {
                if (!AutoAddress.Receives(doc.StrOr("device_owner", string.Empty)) || doc.Objects("fixed_ips").Any(ip => ip.Str("subnet_id") == subnetId))
                {
                    return null;
                }

                var address = AutoAddress.Eui64(subnet.Str("cidr")!, doc.Str("mac_address")!);
                var added = await Ipam.ReserveAsync(context.Store, subnetId, address, port.Id, batch, cancellationToken);
                return new JsonArray([.. doc.Objects("fixed_ips").Select(ip => (JsonNode?)ip.Copy()), new JsonObject { ["subnet_id"] = subnetId, ["ip_address"] = added }]);
            }, cancellationToken);
        }
    }

    /// <summary>Takes the addresses on <paramref name="subnetId"/> away from <paramref name="ports"/>.</summary>
    public static async Task RemoveAsync(NeutronContext context, string subnetId, IEnumerable<StoredResource> ports, CancellationToken cancellationToken)
    {
        foreach (var port in ports)
        {
            await ChangeAsync(context, port.Id, (doc, batch) =>
            {
                var gone = doc.Objects("fixed_ips").Where(ip => ip.Str("subnet_id") == subnetId).ToList();
                foreach (var ip in gone)
                {
                    batch.Release(Ipam.AddressKey(subnetId, ip.Str("ip_address")!));
                }

                return Task.FromResult<JsonArray?>(gone.Count == 0
                    ? null
                    : new JsonArray([.. doc.Objects("fixed_ips").Where(ip => ip.Str("subnet_id") != subnetId).Select(ip => (JsonNode?)ip.Copy())]));
            }, cancellationToken);
        }
    }

    private static async Task<IReadOnlyList<StoredResource>> PortsAsync(NeutronContext context, string networkId, CancellationToken cancellationToken) =>
        (await context.Store.ListAsync(ResourceKindNames.Port, cancellationToken)).Where(p => p.Body.Str("network_id") == networkId).ToList();

    // One port's fixed_ips changed by compare-and-swap; null from the change means nothing to do.
    private static async Task ChangeAsync(NeutronContext context, string portId, Func<JsonObject, NetworkBatch, Task<JsonArray?>> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            if (await context.Store.GetAsync(ResourceKindNames.Port, portId, cancellationToken) is not { } current)
            {
                return;
            }

            var batch = new NetworkBatch();
            if (await change(current.Body, batch) is not { } fixedIps)
            {
                return;
            }

            var updated = current.Body.Copy();
            updated["fixed_ips"] = fixedIps;
            updated["revision_number"] = (updated.Int("revision_number") ?? 0) + 1;
            updated["updated_at"] = context.Now;
            batch.Replace(current, updated);
            try
            {
                await context.Store.CommitAsync(batch, cancellationToken);
                return;
            }
            catch (Exception e) when (e is ConcurrencyException or KeyTakenException)
            {
                await Task.Delay(Random.Shared.Next(1, 10 * attempt), cancellationToken);
            }
        }

        throw NeutronException.Conflict("Conflict", $"The port {portId} changed concurrently too often; retry the request.");
    }
}

using System.Text.Json.Nodes;
using FuncCloud.Shared.Compute.Aggregates;
using FuncCloud.Shared.Compute.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Compute.AvailabilityZones;

/// <summary>
/// <c>GET /os-availability-zone</c>: zones with at least one compute node; a zone is available while one
/// of its enabled nodes is up. With no nodes at all the default zone is listed (unavailable), as nova does.
/// </summary>
public sealed class ListAvailabilityZones(NovaHttp http, ComputeApiPolicy policy, AvailabilityZoneResolver zones)
{
    [Function(nameof(ListAvailabilityZones))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ComputeRoutes.V21 + "/os-availability-zone")] HttpRequest req,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async call =>
        {
            policy.Enforce(ComputeApiPolicies.AvailabilityZoneList, call.Caller);
            var nodes = await zones.ListAsync(cancellationToken);
            return NovaHttp.Member("availabilityZoneInfo", Render(nodes, withHosts: false));
        }, cancellationToken);

    /// <summary>The <c>availabilityZoneInfo</c> list.</summary>
    public static JsonArray Render(IReadOnlyList<ZonedNode> nodes, bool withHosts)
    {
        var byZone = nodes.GroupBy(n => n.Zone, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var zones = new JsonArray();
        foreach (var zone in byZone)
        {
            JsonNode? hosts = null;
            if (withHosts)
            {
                var map = new JsonObject();
                foreach (var n in zone)
                {
                    map[n.Node.Name] = new JsonObject
                    {
                        ["nova-compute"] = new JsonObject
                        {
                            ["available"] = n.Node.Up && !n.Node.ForcedDown,
                            ["active"] = n.Node.Enabled,
                            ["updated_at"] = n.Node.UpdatedAt is { } at ? Keypairs.KeypairWire.NovaTime(at) : null,
                        },
                    };
                }

                hosts = map;
            }

            zones.Add(new JsonObject
            {
                ["zoneName"] = zone.Key,
                ["zoneState"] = new JsonObject { ["available"] = zone.Any(n => n.Node.Enabled && n.Node.Up && !n.Node.ForcedDown) },
                ["hosts"] = hosts,
            });
        }

        if (zones.Count == 0)
        {
            zones.Add(new JsonObject { ["zoneName"] = AvailabilityZoneResolver.DefaultZone, ["zoneState"] = new JsonObject { ["available"] = false }, ["hosts"] = null });
        }

        return zones;
    }
}

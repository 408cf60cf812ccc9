using System.Text.Json.Nodes;
using FuncCloud.Shared.Security.Policy;
using FuncCloud.Shared.Volume.Api;
using FuncCloud.Shared.Volume.Pools;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Volume.Infrastructure;

/// <summary><c>GET /os-availability-zone</c>: the zones of the storage pools.</summary>
public sealed class ListVolumeAvailabilityZones(CinderHttp http, StoragePoolRepository pools, PolicyEnforcer policy)
{
    [Function(nameof(ListVolumeAvailabilityZones))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = VolumeRoutes.Project + "/os-availability-zone")] HttpRequest req,
        string projectId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, projectId, async call =>
        {
            policy.Enforce(VolumePolicies.AvailabilityZones, call.Caller, VolumeCall.Target(call.ProjectId));
            var zones = (await pools.ListAsync(cancellationToken)).Select(p => p.AvailabilityZone).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
            return CinderHttp.Member("availabilityZoneInfo", new JsonArray([.. zones.Select(z => (JsonNode)new JsonObject
            {
                ["zoneName"] = z,
                ["zoneState"] = new JsonObject { ["available"] = true },
            })]));
        }, cancellationToken);
}

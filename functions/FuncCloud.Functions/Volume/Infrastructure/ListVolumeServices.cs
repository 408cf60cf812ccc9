using System.Text.Json.Nodes;
using FuncCloud.Functions.Volume.Api;
using FuncCloud.Shared.Security.Policy;
using FuncCloud.Shared.Volume.Api;
using FuncCloud.Shared.Volume.Pools;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Volume.Infrastructure;

/// <summary>
/// <c>GET /os-services</c> (admin): the scheduler (the control plane itself) and one <c>cinder-volume</c> per
/// backend that reports pools.
/// </summary>
public sealed class ListVolumeServices(CinderHttp http, StoragePoolRepository pools, PolicyEnforcer policy, TimeProvider clock)
{
    [Function(nameof(ListVolumeServices))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = VolumeRoutes.Project + "/os-services")] HttpRequest req,
        string projectId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, projectId, async call =>
        {
            policy.Enforce(VolumePolicies.Services, call.Caller);
            var all = await pools.ListAsync(cancellationToken);
            var services = new List<JsonNode> { Service(call, "cinder-scheduler", "funccloud", all.FirstOrDefault()?.AvailabilityZone ?? "nova", clock.GetUtcNow()) };
            services.AddRange(all.GroupBy(p => p.Host).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => Service(call, "cinder-volume", g.Key, g.First().AvailabilityZone, g.Max(p => p.UpdatedAt))));
            var binary = call.Query("binary");
            var host = call.Query("host");
            return CinderHttp.Member("services", new JsonArray([.. services.Where(s => (binary is null || (string?)s["binary"] == binary) && (host is null || (string?)s["host"] == host))]));
        }, cancellationToken);

    private static JsonObject Service(VolumeCall call, string binary, string host, string zone, DateTimeOffset updated)
    {
        var service = new JsonObject
        {
            ["binary"] = binary,
            ["host"] = host,
            ["zone"] = zone,
            ["status"] = "enabled",
            ["state"] = "up",
            ["updated_at"] = VolumeWire.Time(updated),
            ["disabled_reason"] = null,
        };
        if (call.Version.IsAtLeast(7))
        {
            service["cluster"] = null;
        }

        if (call.Version.IsAtLeast(49) && binary == "cinder-volume")
        {
            service["backend_state"] = "up";
        }

        return service;
    }
}

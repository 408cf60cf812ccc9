using System.Text.Json.Nodes;
using FuncCloud.Functions.Volume.Api;
using FuncCloud.Shared.Security.Policy;
using FuncCloud.Shared.Volume.Api;
using FuncCloud.Shared.Volume.Pools;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Volume.Infrastructure;

/// <summary><c>GET /scheduler-stats/get_pools[?detail=true]</c> (admin): the pools and their capacity as the scheduler sees it.</summary>
public sealed class GetVolumePools(CinderHttp http, StoragePoolRepository pools, PolicyEnforcer policy)
{
    [Function(nameof(GetVolumePools))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = VolumeRoutes.Project + "/scheduler-stats/get_pools")] HttpRequest req,
        string projectId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, projectId, async call =>
        {
            policy.Enforce(VolumePolicies.Pools, call.Caller);
            var detail = call.Query("detail") is { } d && d.Equals("true", StringComparison.OrdinalIgnoreCase);
            var list = (await pools.ListAsync(cancellationToken)).OrderBy(p => p.Name, StringComparer.Ordinal);
            return CinderHttp.Member("pools", new JsonArray([.. list.Select(p => (JsonNode)(detail ? Detail(p) : new JsonObject { ["name"] = p.Name }))]));
        }, cancellationToken);

    private static JsonObject Detail(StoragePoolRecord p) => new()
    {
        ["name"] = p.Name,
        ["capabilities"] = new JsonObject
        {
            ["pool_name"] = p.Name[(p.Name.IndexOf('#', StringComparison.Ordinal) + 1)..],
            ["total_capacity_gb"] = p.TotalCapacityGb,
            ["free_capacity_gb"] = Math.Max(0, p.TotalCapacityGb - p.ProvisionedGb),
            ["allocated_capacity_gb"] = p.ProvisionedGb,
            ["provisioned_capacity_gb"] = p.ProvisionedGb,
            ["max_over_subscription_ratio"] = p.MaxOverSubscriptionRatio.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["reserved_percentage"] = p.ReservedPercentage,
            ["thin_provisioning_support"] = p.ThinProvisioning,
            ["thick_provisioning_support"] = !p.ThinProvisioning,
            ["volume_backend_name"] = p.BackendName,
            ["storage_protocol"] = "file",
            ["vendor_name"] = "FuncCloud",
            ["driver_version"] = "1.0",
            ["timestamp"] = VolumeWire.Time(p.UpdatedAt),
        },
    };
}

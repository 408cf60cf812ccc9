using System.Text.Json.Nodes;
using FuncCloud.Shared.Security.Policy;
using FuncCloud.Shared.Volume.Api;
using FuncCloud.Shared.Volume.Quotas;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Volume.Infrastructure;

/// <summary><c>GET /limits</c>: the project's absolute limits and usage (no rate limits).</summary>
public sealed class GetVolumeLimits(CinderHttp http, VolumeQuotaService quotas, PolicyEnforcer policy)
{
    [Function(nameof(GetVolumeLimits))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = VolumeRoutes.Project + "/limits")] HttpRequest req,
        string projectId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, projectId, async call =>
        {
            policy.Enforce(VolumePolicies.Limits, call.Caller, VolumeCall.Target(call.ProjectId));
            var limits = await quotas.GetLimitsAsync(call.ProjectId, cancellationToken);
            var usage = await quotas.GetUsageAsync(call.ProjectId, cancellationToken);
            return CinderHttp.Member("limits", new JsonObject
            {
                ["rate"] = new JsonArray(),
                ["absolute"] = new JsonObject
                {
                    ["totalSnapshotsUsed"] = usage.Snapshots,
                    ["maxTotalBackups"] = limits[VolumeQuotaResources.Backups],
                    ["maxTotalVolumeGigabytes"] = limits[VolumeQuotaResources.Gigabytes],
                    ["maxTotalSnapshots"] = limits[VolumeQuotaResources.Snapshots],
                    ["maxTotalBackupGigabytes"] = limits[VolumeQuotaResources.BackupGigabytes],
                    ["totalBackupGigabytesUsed"] = usage.BackupGigabytes,
                    ["maxTotalVolumes"] = limits[VolumeQuotaResources.Volumes],
                    ["totalVolumesUsed"] = usage.Volumes,
                    ["totalBackupsUsed"] = usage.Backups,
                    ["totalGigabytesUsed"] = usage.Gigabytes,
                },
            });
        }, cancellationToken);
}

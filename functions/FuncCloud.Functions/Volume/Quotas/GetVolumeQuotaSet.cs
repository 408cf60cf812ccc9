using FuncCloud.Shared.Security.Policy;
using FuncCloud.Shared.Volume.Api;
using FuncCloud.Shared.Volume.Quotas;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Volume.Quotas;

/// <summary><c>GET /os-quota-sets/{project_id}[?usage=true]</c>: the project's limits (and usage).</summary>
public sealed class GetVolumeQuotaSet(CinderHttp http, VolumeQuotaService quotas, PolicyEnforcer policy)
{
    [Function(nameof(GetVolumeQuotaSet))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = VolumeRoutes.Project + "/os-quota-sets/{targetProjectId}")] HttpRequest req,
        string projectId,
        string targetProjectId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, projectId, async call =>
        {
            policy.Enforce(VolumePolicies.ShowQuotas, call.Caller, VolumeCall.Target(targetProjectId));
            var limits = await quotas.GetLimitsAsync(targetProjectId, cancellationToken);
            return CinderHttp.Json(call.Query("usage") is { } usage && usage.Equals("true", StringComparison.OrdinalIgnoreCase)
                ? VolumeQuotaWire.WithUsage(targetProjectId, limits, await quotas.GetUsageAsync(targetProjectId, cancellationToken))
                : VolumeQuotaWire.Limits(targetProjectId, limits));
        }, cancellationToken);
}

using FuncCloud.Shared.Security.Policy;
using FuncCloud.Shared.Volume.Api;
using FuncCloud.Shared.Volume.Quotas;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Volume.Quotas;

/// <summary><c>GET /os-quota-sets/{project_id}/defaults</c>: the configured defaults.</summary>
public sealed class GetVolumeQuotaDefaults(CinderHttp http, VolumeQuotaService quotas, PolicyEnforcer policy)
{
    [Function(nameof(GetVolumeQuotaDefaults))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = VolumeRoutes.Project + "/os-quota-sets/{targetProjectId}/defaults")] HttpRequest req,
        string projectId,
        string targetProjectId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, projectId, call =>
        {
            policy.Enforce(VolumePolicies.ShowQuotas, call.Caller, VolumeCall.Target(targetProjectId));
            return Task.FromResult(CinderHttp.Json(VolumeQuotaWire.Limits(targetProjectId, quotas.Defaults)));
        }, cancellationToken);
}

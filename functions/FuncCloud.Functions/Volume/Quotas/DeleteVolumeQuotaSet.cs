using FuncCloud.Shared.Security.Policy;
using FuncCloud.Shared.Volume.Api;
using FuncCloud.Shared.Volume.Quotas;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Volume.Quotas;

/// <summary><c>DELETE /os-quota-sets/{project_id}</c> (admin): back to the defaults.</summary>
public sealed class DeleteVolumeQuotaSet(CinderHttp http, VolumeQuotaService quotas, PolicyEnforcer policy)
{
    [Function(nameof(DeleteVolumeQuotaSet))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = VolumeRoutes.Project + "/os-quota-sets/{targetProjectId}")] HttpRequest req,
        string projectId,
        string targetProjectId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, projectId, async call =>
        {
            policy.Enforce(VolumePolicies.UpdateQuotas, call.Caller, VolumeCall.Target(targetProjectId));
            await quotas.ResetLimitsAsync(targetProjectId, cancellationToken);
            return CinderHttp.Empty(StatusCodes.Status200OK);
        }, cancellationToken);
}

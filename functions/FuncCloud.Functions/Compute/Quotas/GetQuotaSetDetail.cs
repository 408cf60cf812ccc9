using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.Compute.Quotas;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Compute.Quotas;

/// <summary><c>GET /os-quota-sets/{tenant_id}/detail</c>: limits with usage.</summary>
public sealed class GetQuotaSetDetail(NovaHttp http, ComputeApiPolicy policy, IComputeQuotaService quotas)
{
    [Function(nameof(GetQuotaSetDetail))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = QuotaWire.Collection + "/{projectId}/detail")] HttpRequest req,
        string projectId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async call =>
        {
            policy.Enforce(ComputeApiPolicies.QuotaSetsDetail, call.Caller, projectId);
            var details = await quotas.GetDetailAsync(projectId, call.Query("user_id") ?? call.Caller.UserId, cancellationToken);
            return NovaHttp.Member("quota_set", QuotaWire.Detail(call.Version, details, projectId));
        }, cancellationToken);
}

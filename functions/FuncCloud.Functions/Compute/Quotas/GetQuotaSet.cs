using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.Compute.Quotas;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Compute.Quotas;

/// <summary><c>GET /os-quota-sets/{tenant_id}</c>: the effective limits.</summary>
public sealed class GetQuotaSet(NovaHttp http, ComputeApiPolicy policy, IComputeQuotaService quotas)
{
    [Function(nameof(GetQuotaSet))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = QuotaWire.Collection + "/{projectId}")] HttpRequest req,
        string projectId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async call =>
        {
            policy.Enforce(ComputeApiPolicies.QuotaSetsShow, call.Caller, projectId);
            return NovaHttp.Member("quota_set", QuotaWire.Limits(call.Version, await quotas.GetLimitsAsync(projectId, cancellationToken), projectId));
        }, cancellationToken);
}

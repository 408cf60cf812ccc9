using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.Compute.Quotas;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Compute.Quotas;

/// <summary><c>GET /os-quota-sets/{tenant_id}/defaults</c>.</summary>
public sealed class GetQuotaSetDefaults(NovaHttp http, ComputeApiPolicy policy, IComputeQuotaService quotas)
{
    [Function(nameof(GetQuotaSetDefaults))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = QuotaWire.Collection + "/{projectId}/defaults")] HttpRequest req,
        string projectId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async call =>
        {
            policy.Enforce(ComputeApiPolicies.QuotaSetsDefaults, call.Caller, projectId);
            return NovaHttp.Member("quota_set", QuotaWire.Limits(call.Version, await quotas.GetDefaultsAsync(cancellationToken), projectId));
        }, cancellationToken);
}

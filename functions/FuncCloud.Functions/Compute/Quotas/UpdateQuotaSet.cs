using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.Compute.Quotas;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Compute.Quotas;

/// <summary><c>PUT /os-quota-sets/{tenant_id}</c> (admin): sets overrides; 400 below usage unless <c>force</c>.</summary>
public sealed class UpdateQuotaSet(NovaHttp http, ComputeApiPolicy policy, IComputeQuotaService quotas)
{
    [Function(nameof(UpdateQuotaSet))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = QuotaWire.Collection + "/{projectId}")] HttpRequest req,
        string projectId,
        CancellationToken cancellationToken) =>
        http.WithBodyAsync(req, async (call, body) =>
        {
            policy.Enforce(ComputeApiPolicies.QuotaSetsUpdate, call.Caller, projectId);
            var request = QuotaSetRequest.Parse(body, "quota_set", call.Version, allowForce: true);
            var limits = await quotas.UpdateAsync(projectId, request.Limits, request.Force, cancellationToken);
            return NovaHttp.Member("quota_set", QuotaWire.Limits(call.Version, limits, null));
        }, cancellationToken);
}

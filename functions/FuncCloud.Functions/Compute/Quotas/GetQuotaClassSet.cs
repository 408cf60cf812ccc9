using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.Compute.Quotas;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Compute.Quotas;

/// <summary><c>GET /os-quota-class-sets/{id}</c>: every class reads as <c>default</c>, the only class nova honours.</summary>
public sealed class GetQuotaClassSet(NovaHttp http, ComputeApiPolicy policy, IComputeQuotaService quotas)
{
    [Function(nameof(GetQuotaClassSet))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = QuotaWire.Classes + "/{classId}")] HttpRequest req,
        string classId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async call =>
        {
            policy.Enforce(ComputeApiPolicies.QuotaClassSetsShow, call.Caller);
            return NovaHttp.Member("quota_class_set", QuotaWire.Limits(call.Version, await quotas.GetDefaultsAsync(cancellationToken), classId));
        }, cancellationToken);
}

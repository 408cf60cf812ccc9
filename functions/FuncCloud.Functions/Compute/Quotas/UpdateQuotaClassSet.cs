using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.Compute.Quotas;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Compute.Quotas;

/// <summary><c>PUT /os-quota-class-sets/{id}</c> (admin): changes the defaults of every project (only <c>default</c> is honoured, as in nova).</summary>
public sealed class UpdateQuotaClassSet(NovaHttp http, ComputeApiPolicy policy, IComputeQuotaService quotas)
{
    [Function(nameof(UpdateQuotaClassSet))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = QuotaWire.Classes + "/{classId}")] HttpRequest req,
        string classId,
        CancellationToken cancellationToken) =>
        http.WithBodyAsync(req, async (call, body) =>
        {
            policy.Enforce(ComputeApiPolicies.QuotaClassSetsUpdate, call.Caller);
            var request = QuotaSetRequest.Parse(body, "quota_class_set", call.Version, allowForce: false);
            var limits = string.Equals(classId, "default", StringComparison.Ordinal)
                ? await quotas.UpdateDefaultsAsync(request.Limits, cancellationToken)
                : await quotas.GetDefaultsAsync(cancellationToken);
            return NovaHttp.Member("quota_class_set", QuotaWire.Limits(call.Version, limits, null));
        }, cancellationToken);
}

using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.Compute.Quotas;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Compute.Quotas;

/// <summary><c>DELETE /os-quota-sets/{tenant_id}</c> (admin): back to the defaults; 202.</summary>
public sealed class DeleteQuotaSet(NovaHttp http, ComputeApiPolicy policy, IComputeQuotaService quotas)
{
    [Function(nameof(DeleteQuotaSet))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = QuotaWire.Collection + "/{projectId}")] HttpRequest req,
        string projectId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async call =>
        {
            policy.Enforce(ComputeApiPolicies.QuotaSetsDelete, call.Caller, projectId);
            await quotas.ResetAsync(projectId, cancellationToken);
            return NovaHttp.Empty(StatusCodes.Status202Accepted);
        }, cancellationToken);
}

using FuncCloud.Functions.Network.Api;
using FuncCloud.Functions.Network.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Network.Functions.Quotas;

/// <summary><c>DELETE /v2.0/quotas/{projectId}</c>: back to the defaults (admin).</summary>
public sealed class ResetQuota(NeutronHttp http, NetworkQuotas quotas)
{
    [Function(nameof(ResetQuota))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = NeutronRoutes.Quotas + "/{projectId}")] HttpRequest req,
        string projectId, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller =>
        {
            await quotas.ResetAsync(caller, projectId, cancellationToken);
            return NeutronHttp.NoContent();
        }, cancellationToken);
}

using System.Text.Json.Nodes;
using FuncCloud.Functions.Network.Api;
using FuncCloud.Functions.Network.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Network.Functions.Quotas;

/// <summary>
/// <c>GET /v2.0/quotas/{projectId}/details</c>: limits with usage. neutron's router also takes the format
/// suffix (<c>details.json</c>, what Tempest's quotas client and older clients request).
/// </summary>
public sealed class ShowQuotaDetails(NeutronHttp http, NetworkQuotas quotas)
{
    [Function(nameof(ShowQuotaDetails))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = NeutronRoutes.Quotas + "/{projectId}/{details}")] HttpRequest req,
        string projectId, string details, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller =>
        {
            if (details is not ("details" or "details.json"))
            {
                throw NeutronException.NotFound("HTTPNotFound", "The resource could not be found.");
            }

            quotas.EnforceRead(caller, projectId);
            return NeutronHttp.Json(new JsonObject { ["quota"] = await quotas.DetailsAsync(projectId, cancellationToken) });
        }, cancellationToken);
}

using System.Text.Json.Nodes;
using FuncCloud.Functions.Network.Api;
using FuncCloud.Functions.Network.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Network.Functions.Quotas;

/// <summary><c>PUT /v2.0/quotas/{projectId}</c> with <c>{"quota": {...}}</c> (admin).</summary>
public sealed class UpdateQuota(NeutronHttp http, NetworkQuotas quotas)
{
    [Function(nameof(UpdateQuota))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = NeutronRoutes.Quotas + "/{projectId}")] HttpRequest req,
        string projectId, CancellationToken cancellationToken) =>
        http.WithBodyAsync(req, async (caller, body) =>
            NeutronHttp.Json(new JsonObject { ["quota"] = await quotas.UpdateAsync(caller, projectId, NeutronHttp.Envelope(body, "quota"), cancellationToken) }), cancellationToken);
}

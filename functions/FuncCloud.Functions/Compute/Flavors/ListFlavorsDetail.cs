using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.Compute.Flavors;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Compute.Flavors;

/// <summary><c>GET /flavors/detail</c>: full flavors, filtered, sorted and paged.</summary>
public sealed class ListFlavorsDetail(NovaHttp http, FlavorService flavors)
{
    [Function(nameof(ListFlavorsDetail))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = FlavorWire.Collection + "/detail")] HttpRequest req,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async call =>
        {
            var page = NovaPaging.Apply(req, await flavors.ListAsync(call, cancellationToken), f => f.Id, "flavors/detail");
            return NovaHttp.Json(FlavorWire.Page(req, page, f => FlavorWire.Detail(req, call.Version, f)));
        }, cancellationToken);
}

using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.Compute.Flavors;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Compute.Flavors;

/// <summary><c>GET /flavors</c>: ids, names and links, filtered, sorted and paged.</summary>
public sealed class ListFlavors(NovaHttp http, FlavorService flavors)
{
    [Function(nameof(ListFlavors))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = FlavorWire.Collection)] HttpRequest req,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async call =>
        {
            var page = NovaPaging.Apply(req, await flavors.ListAsync(call, cancellationToken), f => f.Id, "flavors");
            return NovaHttp.Json(FlavorWire.Page(req, page, f => FlavorWire.Summary(req, call.Version, f)));
        }, cancellationToken);
}

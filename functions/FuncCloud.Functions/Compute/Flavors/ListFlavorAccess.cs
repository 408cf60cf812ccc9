using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.Compute.Flavors;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Compute.Flavors;

/// <summary><c>GET /flavors/{flavor_id}/os-flavor-access</c> (admin; 404 for public flavors).</summary>
public sealed class ListFlavorAccess(NovaHttp http, FlavorService flavors)
{
    [Function(nameof(ListFlavorAccess))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = FlavorWire.Collection + "/{flavorId}/os-flavor-access")] HttpRequest req,
        string flavorId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async call =>
            NovaHttp.Json(FlavorWire.Access(flavorId, await flavors.GetAccessAsync(call, flavorId, cancellationToken))), cancellationToken);
}

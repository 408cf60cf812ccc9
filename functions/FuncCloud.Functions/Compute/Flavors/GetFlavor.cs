using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.Compute.Flavors;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Compute.Flavors;

/// <summary><c>GET /flavors/{flavor_id}</c>.</summary>
public sealed class GetFlavor(NovaHttp http, FlavorService flavors)
{
    [Function(nameof(GetFlavor))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = FlavorWire.Collection + "/{flavorId}")] HttpRequest req,
        string flavorId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async call =>
            NovaHttp.Member("flavor", FlavorWire.Detail(req, call.Version, await flavors.GetAsync(call, flavorId, cancellationToken))), cancellationToken);
}

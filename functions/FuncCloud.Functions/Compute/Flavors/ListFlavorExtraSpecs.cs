using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.Compute.Flavors;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Compute.Flavors;

/// <summary><c>GET /flavors/{flavor_id}/os-extra_specs</c>.</summary>
public sealed class ListFlavorExtraSpecs(NovaHttp http, FlavorService flavors)
{
    [Function(nameof(ListFlavorExtraSpecs))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = FlavorWire.Collection + "/{flavorId}/os-extra_specs")] HttpRequest req,
        string flavorId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async call =>
            NovaHttp.Member("extra_specs", FlavorWire.Specs(await flavors.GetExtraSpecsAsync(call, flavorId, cancellationToken))), cancellationToken);
}

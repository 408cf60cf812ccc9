using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.Compute.Flavors;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Compute.Flavors;

/// <summary><c>POST /flavors/{flavor_id}/os-extra_specs</c> (admin): merges the given specs.</summary>
public sealed class CreateFlavorExtraSpecs(NovaHttp http, FlavorService flavors)
{
    [Function(nameof(CreateFlavorExtraSpecs))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = FlavorWire.Collection + "/{flavorId}/os-extra_specs")] HttpRequest req,
        string flavorId,
        CancellationToken cancellationToken) =>
        http.WithBodyAsync(req, async (call, body) =>
            NovaHttp.Member("extra_specs", FlavorWire.Specs(await flavors.SetExtraSpecsAsync(call, flavorId, body, cancellationToken))), cancellationToken);
}

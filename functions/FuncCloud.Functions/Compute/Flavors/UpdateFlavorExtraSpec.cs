using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.Compute.Flavors;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Compute.Flavors;

/// <summary><c>PUT /flavors/{flavor_id}/os-extra_specs/{key}</c> (admin).</summary>
public sealed class UpdateFlavorExtraSpec(NovaHttp http, FlavorService flavors)
{
    [Function(nameof(UpdateFlavorExtraSpec))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = FlavorWire.Collection + "/{flavorId}/os-extra_specs/{key}")] HttpRequest req,
        string flavorId,
        string key,
        CancellationToken cancellationToken) =>
        http.WithBodyAsync(req, async (call, body) =>
            NovaHttp.Json(FlavorWire.Specs(await flavors.SetExtraSpecAsync(call, flavorId, key, body, cancellationToken))), cancellationToken);
}

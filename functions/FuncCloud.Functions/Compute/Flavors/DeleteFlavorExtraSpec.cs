using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.Compute.Flavors;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Compute.Flavors;

/// <summary><c>DELETE /flavors/{flavor_id}/os-extra_specs/{key}</c> (admin): 200 with no body.</summary>
public sealed class DeleteFlavorExtraSpec(NovaHttp http, FlavorService flavors)
{
    [Function(nameof(DeleteFlavorExtraSpec))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = FlavorWire.Collection + "/{flavorId}/os-extra_specs/{key}")] HttpRequest req,
        string flavorId,
        string key,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async call =>
        {
            await flavors.DeleteExtraSpecAsync(call, flavorId, key, cancellationToken);
            return NovaHttp.Empty(StatusCodes.Status200OK);
        }, cancellationToken);
}

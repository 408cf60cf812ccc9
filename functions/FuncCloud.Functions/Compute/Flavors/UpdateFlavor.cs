using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.Compute.Flavors;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Compute.Flavors;

/// <summary><c>PUT /flavors/{flavor_id}</c> (2.55+, admin): updates the description.</summary>
public sealed class UpdateFlavor(NovaHttp http, FlavorService flavors)
{
    [Function(nameof(UpdateFlavor))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = FlavorWire.Collection + "/{flavorId}")] HttpRequest req,
        string flavorId,
        CancellationToken cancellationToken) =>
        http.WithBodyAsync(req, async (call, body) =>
        {
            if (!call.Version.IsAtLeast(2, 55))
            {
                throw new ComputeResourceNotFoundException("route", req.Path, "The resource could not be found.");
            }

            return NovaHttp.Member("flavor", FlavorWire.Detail(req, call.Version, await flavors.UpdateAsync(call, flavorId, body, cancellationToken)));
        }, cancellationToken);
}

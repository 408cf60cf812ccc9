using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.Compute.Flavors;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Compute.Flavors;

/// <summary><c>DELETE /flavors/{flavor_id}</c> (admin): 202.</summary>
public sealed class DeleteFlavor(NovaHttp http, FlavorService flavors)
{
    [Function(nameof(DeleteFlavor))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = FlavorWire.Collection + "/{flavorId}")] HttpRequest req,
        string flavorId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async call =>
        {
            await flavors.DeleteAsync(call, flavorId, cancellationToken);
            return NovaHttp.Empty(StatusCodes.Status202Accepted);
        }, cancellationToken);
}

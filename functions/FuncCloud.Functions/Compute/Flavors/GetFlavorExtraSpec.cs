using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.Compute.Flavors;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Compute.Flavors;

/// <summary><c>GET /flavors/{flavor_id}/os-extra_specs/{key}</c>: <c>{key: value}</c>.</summary>
public sealed class GetFlavorExtraSpec(NovaHttp http, FlavorService flavors)
{
    [Function(nameof(GetFlavorExtraSpec))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = FlavorWire.Collection + "/{flavorId}/os-extra_specs/{key}")] HttpRequest req,
        string flavorId,
        string key,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async call =>
            NovaHttp.Member(key, await flavors.GetExtraSpecAsync(call, flavorId, key, cancellationToken)), cancellationToken);
}

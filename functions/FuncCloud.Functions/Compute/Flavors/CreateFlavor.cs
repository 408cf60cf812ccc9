using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.Compute.Flavors;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Compute.Flavors;

/// <summary><c>POST /flavors</c> (admin): 200 with the flavor, as nova.</summary>
public sealed class CreateFlavor(NovaHttp http, FlavorService flavors)
{
    [Function(nameof(CreateFlavor))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = FlavorWire.Collection)] HttpRequest req,
        CancellationToken cancellationToken) =>
        http.WithBodyAsync(req, async (call, body) =>
            NovaHttp.Member("flavor", FlavorWire.Detail(req, call.Version, await flavors.CreateAsync(call, body, cancellationToken))), cancellationToken);
}

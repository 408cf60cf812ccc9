using FuncCloud.Shared.Compute.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Compute.Images;

/// <summary><c>GET /images/{image_id}</c> (to 2.35): a Glance image in nova's view.</summary>
public sealed class GetComputeImage(NovaHttp http, ComputeImageProxy proxy)
{
    [Function(nameof(GetComputeImage))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ComputeImageWire.Collection + "/{imageId}")] HttpRequest req,
        string imageId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async call =>
            NovaHttp.Member("image", ComputeImageWire.Detail(req, await proxy.GetAsync(call, imageId, cancellationToken))), cancellationToken);
}

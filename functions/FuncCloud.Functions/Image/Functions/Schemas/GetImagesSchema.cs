using FuncCloud.Functions.Image.Api;
using FuncCloud.Shared.OpenStack;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Image.Functions.Schemas;

/// <summary><c>GET /v2/schemas/images</c>.</summary>
public sealed class GetImagesSchema(ImageHttp http)
{
    [Function(nameof(GetImagesSchema))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ImageRoutes.Schemas + "/images")] HttpRequest req,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, _ => Task.FromResult(OpenStackHttp.Json(ImageSchemas.Images())), cancellationToken);
}

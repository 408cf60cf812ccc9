using FuncCloud.Functions.Image.Api;
using FuncCloud.Shared.OpenStack;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Image.Functions.Schemas;

/// <summary><c>GET /v2/schemas/image</c>.</summary>
public sealed class GetImageSchema(ImageHttp http)
{
    [Function(nameof(GetImageSchema))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ImageRoutes.Schemas + "/image")] HttpRequest req,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, _ => Task.FromResult(OpenStackHttp.Json(ImageSchemas.Image())), cancellationToken);
}

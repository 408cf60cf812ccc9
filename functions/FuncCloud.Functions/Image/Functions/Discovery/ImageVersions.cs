using FuncCloud.Functions.Image.Api;
using FuncCloud.Shared.OpenStack;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Image.Functions.Discovery;

/// <summary><c>GET /image</c>: 300 Multiple Choices with the versions, as Glance answers its root.</summary>
public sealed class ImageVersions(ImageHttp http)
{
    [Function(nameof(ImageVersions))]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ImageRoutes.Root)] HttpRequest req) =>
        http.RunAsync(req, () => Task.FromResult(OpenStackHttp.Json(GlanceVersions.For(req), StatusCodes.Status300MultipleChoices)));
}

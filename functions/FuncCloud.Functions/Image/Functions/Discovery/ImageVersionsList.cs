using FuncCloud.Functions.Image.Api;
using FuncCloud.Shared.OpenStack;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Image.Functions.Discovery;

/// <summary><c>GET /image/versions</c>: the same list with 200, as Glance's <c>/versions</c>.</summary>
public sealed class ImageVersionsList(ImageHttp http)
{
    [Function(nameof(ImageVersionsList))]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ImageRoutes.Root + "/versions")] HttpRequest req) =>
        http.RunAsync(req, () => Task.FromResult(OpenStackHttp.Json(GlanceVersions.For(req))));
}

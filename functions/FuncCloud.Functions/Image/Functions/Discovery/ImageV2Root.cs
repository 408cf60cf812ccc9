using FuncCloud.Functions.Image.Api;
using FuncCloud.Shared.OpenStack;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Image.Functions.Discovery;

/// <summary>
/// <c>GET /image/v2</c>: Glance's version negotiation answers an unversioned-looking path with the version
/// list (300); keystoneauth reads it when the catalog URL carries <c>/v2</c>.
/// </summary>
public sealed class ImageV2Root(ImageHttp http)
{
    [Function(nameof(ImageV2Root))]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ImageRoutes.V2)] HttpRequest req) =>
        http.RunAsync(req, () => Task.FromResult(OpenStackHttp.Json(GlanceVersions.For(req), StatusCodes.Status300MultipleChoices)));
}

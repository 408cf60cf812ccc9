using FuncCloud.Functions.Image.Api;
using FuncCloud.Functions.Image.Services;
using FuncCloud.Shared.OpenStack;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Image.Functions.Members;

/// <summary><c>GET /v2/images/{imageId}/members/{memberId}</c>.</summary>
public sealed class GetImageMember(ImageHttp http, ImageMemberService members)
{
    [Function(nameof(GetImageMember))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ImageRoutes.Members + "/{memberId}")] HttpRequest req,
        string imageId, string memberId, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller => OpenStackHttp.Json(ImageWire.Member(await members.GetAsync(caller, imageId, memberId, cancellationToken))), cancellationToken);
}

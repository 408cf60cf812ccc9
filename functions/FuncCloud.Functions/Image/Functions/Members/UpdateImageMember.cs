using FuncCloud.Functions.Image.Api;
using FuncCloud.Functions.Image.Services;
using FuncCloud.Shared.OpenStack;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Image.Functions.Members;

/// <summary><c>PUT /v2/images/{imageId}/members/{memberId}</c> with <c>{"status": "accepted"}</c> (the member itself).</summary>
public sealed class UpdateImageMember(ImageHttp http, ImageMemberService members)
{
    [Function(nameof(UpdateImageMember))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = ImageRoutes.Members + "/{memberId}")] HttpRequest req,
        string imageId, string memberId, CancellationToken cancellationToken) =>
        http.WithBodyAsync(req, async (caller, body) =>
        {
            var member = await members.UpdateStatusAsync(caller, imageId, memberId, body.RequireString("status"), cancellationToken);
            return OpenStackHttp.Json(ImageWire.Member(member));
        }, cancellationToken);
}

using FuncCloud.Functions.Image.Api;
using FuncCloud.Functions.Image.Services;
using FuncCloud.Shared.OpenStack;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Image.Functions.Members;

/// <summary><c>POST /v2/images/{imageId}/members</c> with <c>{"member": "&lt;project id&gt;"}</c>: 200 with the pending member.</summary>
public sealed class CreateImageMember(ImageHttp http, ImageMemberService members)
{
    [Function(nameof(CreateImageMember))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ImageRoutes.Members)] HttpRequest req,
        string imageId, CancellationToken cancellationToken) =>
        http.WithBodyAsync(req, async (caller, body) =>
        {
            var member = await members.AddAsync(caller, imageId, body.RequireString("member"), cancellationToken);
            return OpenStackHttp.Json(ImageWire.Member(member));
        }, cancellationToken);
}

using FuncCloud.Functions.Image.Api;
using FuncCloud.Functions.Image.Services;
using FuncCloud.Shared.OpenStack;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Image.Functions.Members;

/// <summary><c>DELETE /v2/images/{imageId}/members/{memberId}</c> (owner): 204.</summary>
public sealed class DeleteImageMember(ImageHttp http, ImageMemberService members)
{
    [Function(nameof(DeleteImageMember))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = ImageRoutes.Members + "/{memberId}")] HttpRequest req,
        string imageId, string memberId, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller =>
        {
            await members.RemoveAsync(caller, imageId, memberId, cancellationToken);
            return ImageHttp.NoContent();
        }, cancellationToken);
}

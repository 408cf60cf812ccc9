using System.Text.Json.Nodes;
using FuncCloud.Functions.Image.Api;
using FuncCloud.Functions.Image.Services;
using FuncCloud.Shared.OpenStack;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Image.Functions.Members;

/// <summary><c>GET /v2/images/{imageId}/members</c>.</summary>
public sealed class ListImageMembers(ImageHttp http, ImageMemberService members)
{
    [Function(nameof(ListImageMembers))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ImageRoutes.Members)] HttpRequest req,
        string imageId, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller =>
        {
            var list = await members.ListAsync(caller, imageId, cancellationToken);
            return OpenStackHttp.Json(new JsonObject
            {
                ["members"] = new JsonArray(list.Select(m => (JsonNode?)ImageWire.Member(m)).ToArray()),
                ["schema"] = "/v2/schemas/members",
            });
        }, cancellationToken);
}

using FuncCloud.Functions.Image.Api;
using FuncCloud.Shared.OpenStack;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Image.Functions.Schemas;

/// <summary><c>GET /v2/schemas/members</c>.</summary>
public sealed class GetMembersSchema(ImageHttp http)
{
    [Function(nameof(GetMembersSchema))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ImageRoutes.Schemas + "/members")] HttpRequest req,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, _ => Task.FromResult(OpenStackHttp.Json(ImageSchemas.Members())), cancellationToken);
}

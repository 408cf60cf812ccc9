using FuncCloud.Functions.Image.Api;
using FuncCloud.Shared.OpenStack;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Image.Functions.Schemas;

/// <summary><c>GET /v2/schemas/member</c>.</summary>
public sealed class GetMemberSchema(ImageHttp http)
{
    [Function(nameof(GetMemberSchema))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ImageRoutes.Schemas + "/member")] HttpRequest req,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, _ => Task.FromResult(OpenStackHttp.Json(ImageSchemas.Member())), cancellationToken);
}

using FuncCloud.Functions.ObjectStorage.Api;
using FuncCloud.Functions.ObjectStorage.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.ObjectStorage.Functions.Objects;

/// <summary><c>GET</c>/<c>HEAD /v1/{account}/{container}/{object}</c>: streamed, with ranges and conditions.</summary>
public sealed class GetObject(SwiftHttp http, SwiftObjectReader service)
{
    [Function(nameof(GetObject))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = SwiftRoutes.Object)] HttpRequest req,
        CancellationToken cancellationToken) =>
        http.RunAsync(req, call => service.GetAsync(call, cancellationToken), cancellationToken);
}

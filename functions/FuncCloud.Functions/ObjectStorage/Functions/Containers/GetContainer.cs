using FuncCloud.Functions.ObjectStorage.Api;
using FuncCloud.Functions.ObjectStorage.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.ObjectStorage.Functions.Containers;

/// <summary><c>GET</c>/<c>HEAD /v1/{account}/{container}</c>: totals, metadata and the object listing.</summary>
public sealed class GetContainer(SwiftHttp http, SwiftContainerService service)
{
    [Function(nameof(GetContainer))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = SwiftRoutes.Container)] HttpRequest req,
        CancellationToken cancellationToken) =>
        http.RunAsync(req, call => service.GetAsync(call, cancellationToken), cancellationToken);
}

using FuncCloud.Functions.ObjectStorage.Api;
using FuncCloud.Functions.ObjectStorage.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.ObjectStorage.Functions.Containers;

/// <summary><c>DELETE /v1/{account}/{container}</c>: 204, or 409 while not empty.</summary>
public sealed class DeleteContainer(SwiftHttp http, SwiftContainerService service)
{
    [Function(nameof(DeleteContainer))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = SwiftRoutes.Container)] HttpRequest req,
        CancellationToken cancellationToken) =>
        http.RunAsync(req, call => service.DeleteAsync(call, cancellationToken), cancellationToken);
}

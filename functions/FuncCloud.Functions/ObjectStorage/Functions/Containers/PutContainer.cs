using FuncCloud.Functions.ObjectStorage.Api;
using FuncCloud.Functions.ObjectStorage.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.ObjectStorage.Functions.Containers;

/// <summary><c>PUT /v1/{account}/{container}</c>: 201 created, 202 updated.</summary>
public sealed class PutContainer(SwiftHttp http, SwiftContainerService service)
{
    [Function(nameof(PutContainer))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = SwiftRoutes.Container)] HttpRequest req,
        CancellationToken cancellationToken) =>
        http.RunAsync(req, call => service.PutAsync(call, cancellationToken), cancellationToken);
}

using FuncCloud.Functions.ObjectStorage.Api;
using FuncCloud.Functions.ObjectStorage.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.ObjectStorage.Functions.Containers;

/// <summary><c>POST /v1/{account}/{container}</c>: metadata, ACLs, versioning, quotas.</summary>
public sealed class PostContainer(SwiftHttp http, SwiftContainerService service)
{
    [Function(nameof(PostContainer))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = SwiftRoutes.Container)] HttpRequest req,
        CancellationToken cancellationToken) =>
        http.RunAsync(req, call => service.PostAsync(call, cancellationToken), cancellationToken);
}

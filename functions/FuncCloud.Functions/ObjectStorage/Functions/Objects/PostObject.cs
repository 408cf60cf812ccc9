using FuncCloud.Functions.ObjectStorage.Api;
using FuncCloud.Functions.ObjectStorage.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.ObjectStorage.Functions.Objects;

/// <summary><c>POST /v1/{account}/{container}/{object}</c>: replaces the metadata (202).</summary>
public sealed class PostObject(SwiftHttp http, SwiftObjectWriter service)
{
    [Function(nameof(PostObject))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = SwiftRoutes.Object)] HttpRequest req,
        CancellationToken cancellationToken) =>
        http.RunAsync(req, call => service.PostAsync(call, cancellationToken), cancellationToken);
}

using FuncCloud.Functions.ObjectStorage.Api;
using FuncCloud.Functions.ObjectStorage.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.ObjectStorage.Functions.Objects;

/// <summary><c>DELETE /v1/{account}/{container}/{object}</c> (also <c>?multipart-manifest=delete</c>).</summary>
public sealed class DeleteObject(SwiftHttp http, SwiftObjectDeleter service)
{
    [Function(nameof(DeleteObject))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = SwiftRoutes.Object)] HttpRequest req,
        CancellationToken cancellationToken) =>
        http.RunAsync(req, call => service.DeleteAsync(call, cancellationToken), cancellationToken);
}

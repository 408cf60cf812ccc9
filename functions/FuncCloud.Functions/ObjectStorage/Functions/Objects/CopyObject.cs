using FuncCloud.Functions.ObjectStorage.Api;
using FuncCloud.Functions.ObjectStorage.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.ObjectStorage.Functions.Objects;

/// <summary><c>COPY /v1/{account}/{container}/{object}</c> with <c>Destination</c>: a server-side copy.</summary>
public sealed class CopyObject(SwiftHttp http, SwiftObjectCopier service)
{
    [Function(nameof(CopyObject))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "copy", Route = SwiftRoutes.Object)] HttpRequest req,
        CancellationToken cancellationToken) =>
        http.RunAsync(req, call => service.CopyAsync(call, cancellationToken), cancellationToken);
}

using FuncCloud.Functions.ObjectStorage.Api;
using FuncCloud.Functions.ObjectStorage.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.ObjectStorage.Functions.Objects;

/// <summary>
/// <c>PUT /v1/{account}/{container}/{object}</c>: the body streamed into blob storage; <c>X-Copy-From</c> copies
/// server-side, <c>?multipart-manifest=put</c> stores a static large object manifest.
/// </summary>
public sealed class PutObject(SwiftHttp http, SwiftObjectWriter writer, SwiftObjectCopier copier, SloWriter slo)
{
    [Function(nameof(PutObject))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = SwiftRoutes.Object)] HttpRequest req,
        CancellationToken cancellationToken) =>
        http.RunAsync(req, call =>
        {
            // Objects are up to max_file_size (5 GiB): lift the server's 30 MB request limit for this request.
            if (req.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = null;
            }

            return call.Header("X-Copy-From") is { Length: > 0 } copyFrom ? copier.CopyFromAsync(call, copyFrom, cancellationToken)
                : call.Query("multipart-manifest") == "put" ? slo.PutAsync(call, cancellationToken)
                : writer.PutAsync(call, cancellationToken);
        }, cancellationToken);
}

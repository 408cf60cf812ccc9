using FuncCloud.Functions.ObjectStorage.Api;
using FuncCloud.Functions.ObjectStorage.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.ObjectStorage.Functions.Account;

/// <summary><c>POST /v1/AUTH_{project}</c>: metadata (Temp-URL keys, quota), or <c>?bulk-delete</c>.</summary>
public sealed class PostAccount(SwiftHttp http, SwiftAccountService accounts, SwiftObjectDeleter deleter)
{
    [Function(nameof(PostAccount))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = SwiftRoutes.Account)] HttpRequest req,
        CancellationToken cancellationToken) =>
        http.RunAsync(req, call => call.HasQuery("bulk-delete")
            ? deleter.BulkDeleteAsync(call, cancellationToken)
            : accounts.PostAsync(call, cancellationToken), cancellationToken);
}

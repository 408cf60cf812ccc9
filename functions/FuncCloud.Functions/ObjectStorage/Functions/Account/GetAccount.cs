using FuncCloud.Functions.ObjectStorage.Api;
using FuncCloud.Functions.ObjectStorage.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.ObjectStorage.Functions.Account;

/// <summary><c>GET</c>/<c>HEAD /v1/AUTH_{project}</c>: totals, metadata and the container listing.</summary>
public sealed class GetAccount(SwiftHttp http, SwiftAccountService service)
{
    [Function(nameof(GetAccount))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = SwiftRoutes.Account)] HttpRequest req,
        CancellationToken cancellationToken) =>
        http.RunAsync(req, call => service.GetAsync(call, cancellationToken), cancellationToken);
}

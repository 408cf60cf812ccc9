using FuncCloud.Functions.ObjectStorage.Api;
using FuncCloud.Functions.ObjectStorage.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.ObjectStorage.Functions.Info;

/// <summary><c>GET /info</c>: where openstacksdk looks for swift's capabilities (the endpoint's host root).</summary>
public sealed class GetRootInfo(SwiftHttp http, SwiftInfo info)
{
    [Function(nameof(GetRootInfo))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = SwiftRoutes.RootInfo)] HttpRequest req) =>
        http.RunAnonymousAsync(req, () => Task.FromResult<IResult>(
            SwiftResponse.Text(StatusCodes.Status200OK, new Dictionary<string, string>(), info.Document().ToJsonString(), "application/json; charset=UTF-8")));
}

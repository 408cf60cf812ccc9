using FuncCloud.Functions.ObjectStorage.Api;
using FuncCloud.Functions.ObjectStorage.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.ObjectStorage.Functions.Info;

/// <summary><c>GET /object-store/info</c> (swiftclient) and <c>GET /info</c> (openstacksdk): the capabilities, anonymous.</summary>
public sealed class GetSwiftInfo(SwiftHttp http, SwiftInfo info)
{
    [Function(nameof(GetSwiftInfo))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = SwiftRoutes.Info)] HttpRequest req) =>
        http.RunAnonymousAsync(req, () => Task.FromResult<IResult>(
            SwiftResponse.Text(StatusCodes.Status200OK, new Dictionary<string, string>(), info.Document().ToJsonString(), "application/json; charset=UTF-8")));
}

using FuncCloud.Functions.Alarming.Api;
using FuncCloud.Functions.Alarming.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Alarming.Functions;

/// <summary><c>GET /v2/capabilities</c>.</summary>
public sealed class GetAlarmingCapabilities(AlarmingHttp http)
{
    [Function(nameof(GetAlarmingCapabilities))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = AlarmingRoutes.Capabilities)] HttpRequest req,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, _ => Task.FromResult(AlarmingHttp.Json(AodhVersions.Capabilities())), cancellationToken);
}

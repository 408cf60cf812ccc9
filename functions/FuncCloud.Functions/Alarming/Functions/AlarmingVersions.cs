using FuncCloud.Functions.Alarming.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Alarming.Functions;

/// <summary><c>GET /alarming</c>: aodh's version list (200, anonymous).</summary>
public sealed class AlarmingVersions(AlarmingHttp http)
{
    [Function(nameof(AlarmingVersions))]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = AlarmingRoutes.Root)] HttpRequest req) =>
        http.RunAsync(req, () => Task.FromResult(AlarmingHttp.Json(AodhVersions.For(req))));
}

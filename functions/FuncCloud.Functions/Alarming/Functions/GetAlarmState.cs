using FuncCloud.Functions.Alarming.Api;
using FuncCloud.Functions.Alarming.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Alarming.Functions;

/// <summary><c>GET /v2/alarms/{alarmId}/state</c>: the state as a JSON string.</summary>
public sealed class GetAlarmState(AlarmingHttp http, AlarmService alarms)
{
    [Function(nameof(GetAlarmState))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = AlarmingRoutes.State)] HttpRequest req,
        string alarmId, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller => AlarmingHttp.Json(await alarms.GetStateAsync(caller, alarmId, cancellationToken)), cancellationToken);
}

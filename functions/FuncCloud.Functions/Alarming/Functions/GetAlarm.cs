using FuncCloud.Functions.Alarming.Api;
using FuncCloud.Functions.Alarming.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Alarming.Functions;

/// <summary><c>GET /v2/alarms/{alarmId}</c>.</summary>
public sealed class GetAlarm(AlarmingHttp http, AlarmService alarms)
{
    [Function(nameof(GetAlarm))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = AlarmingRoutes.Alarm)] HttpRequest req,
        string alarmId, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller => AlarmingHttp.Json(AlarmWire.Alarm(await alarms.GetAsync(caller, alarmId, cancellationToken))), cancellationToken);
}

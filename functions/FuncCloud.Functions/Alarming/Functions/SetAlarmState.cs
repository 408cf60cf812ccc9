using FuncCloud.Functions.Alarming.Api;
using FuncCloud.Functions.Alarming.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Alarming.Functions;

/// <summary><c>PUT /v2/alarms/{alarmId}/state</c> with a JSON string body: the new state.</summary>
public sealed class SetAlarmState(AlarmingHttp http, AlarmService alarms)
{
    [Function(nameof(SetAlarmState))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = AlarmingRoutes.State)] HttpRequest req,
        string alarmId, CancellationToken cancellationToken) =>
        http.WithBodyAsync(req, async (caller, body) => AlarmingHttp.Json(await alarms.SetStateAsync(caller, alarmId, body, cancellationToken)), cancellationToken);
}

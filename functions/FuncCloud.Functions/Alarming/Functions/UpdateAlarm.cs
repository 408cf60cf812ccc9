using FuncCloud.Functions.Alarming.Api;
using FuncCloud.Functions.Alarming.Services;
using FuncCloud.Shared.OpenStack;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Alarming.Functions;

/// <summary><c>PUT /v2/alarms/{alarmId}</c>: replaces the alarm.</summary>
public sealed class UpdateAlarm(AlarmingHttp http, AlarmService alarms)
{
    [Function(nameof(UpdateAlarm))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = AlarmingRoutes.Alarm)] HttpRequest req,
        string alarmId, CancellationToken cancellationToken) =>
        http.WithObjectAsync(req, async (caller, body) => AlarmingHttp.Json(AlarmWire.Alarm(await alarms.UpdateAsync(
            caller, alarmId, body, cancellationToken))), cancellationToken);
}

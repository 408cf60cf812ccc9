using FuncCloud.Functions.Alarming.Api;
using FuncCloud.Functions.Alarming.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Alarming.Functions;

/// <summary><c>DELETE /v2/alarms/{alarmId}</c>: 204.</summary>
public sealed class DeleteAlarm(AlarmingHttp http, AlarmService alarms)
{
    [Function(nameof(DeleteAlarm))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = AlarmingRoutes.Alarm)] HttpRequest req,
        string alarmId, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller =>
        {
            await alarms.DeleteAsync(caller, alarmId, cancellationToken);
            return Results.NoContent();
        }, cancellationToken);
}

using FuncCloud.Functions.Alarming.Api;
using FuncCloud.Functions.Alarming.Services;
using FuncCloud.Shared.OpenStack;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Alarming.Functions;

/// <summary><c>POST /v2/alarms</c>: 201 with the alarm.</summary>
public sealed class CreateAlarm(AlarmingHttp http, AlarmService alarms)
{
    [Function(nameof(CreateAlarm))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = AlarmingRoutes.Alarms)] HttpRequest req,
        CancellationToken cancellationToken) =>
        http.WithObjectAsync(req, async (caller, body) =>
        {
            var alarm = await alarms.CreateAsync(caller, body, cancellationToken);
            req.HttpContext.Response.Headers.Location = $"{RequestUrls.Origin(req)}/{AlarmingRoutes.Root}{AlarmingRoutes.AlarmPath(alarm.AlarmId)}";
            return AlarmingHttp.Json(AlarmWire.Alarm(alarm), StatusCodes.Status201Created);
        }, cancellationToken);
}

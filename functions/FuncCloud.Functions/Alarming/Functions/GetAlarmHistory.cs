using FuncCloud.Functions.Alarming.Api;
using FuncCloud.Functions.Alarming.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Alarming.Functions;

/// <summary><c>GET /v2/alarms/{alarmId}/history</c> with <c>q</c> filters, newest first.</summary>
public sealed class GetAlarmHistory(AlarmingHttp http, AlarmHistoryService history)
{
    [Function(nameof(GetAlarmHistory))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = AlarmingRoutes.History)] HttpRequest req,
        string alarmId, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller =>
            AlarmingHttp.Json(new System.Text.Json.Nodes.JsonArray([.. (await history.ListAsync(caller, alarmId, req, cancellationToken)).Select(AlarmWire.Change)])), cancellationToken);
}

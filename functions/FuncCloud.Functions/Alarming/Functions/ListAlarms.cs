using FuncCloud.Functions.Alarming.Api;
using FuncCloud.Functions.Alarming.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Alarming.Functions;

/// <summary><c>GET /v2/alarms</c> with aodh's <c>q.field</c>/<c>q.op</c>/<c>q.value</c> filters, <c>limit</c>, <c>marker</c>, <c>sort</c>.</summary>
public sealed class ListAlarms(AlarmingHttp http, AlarmListService alarms)
{
    [Function(nameof(ListAlarms))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = AlarmingRoutes.Alarms)] HttpRequest req,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller =>
            AlarmingHttp.Json(new System.Text.Json.Nodes.JsonArray([.. (await alarms.ListAsync(caller, req, cancellationToken)).Select(AlarmWire.Alarm)])), cancellationToken);
}

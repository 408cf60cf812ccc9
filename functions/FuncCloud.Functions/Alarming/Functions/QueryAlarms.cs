using FuncCloud.Functions.Alarming.Api;
using FuncCloud.Functions.Alarming.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Alarming.Functions;

/// <summary><c>POST /v2/query/alarms</c>: aodh's complex query (aodhclient looks alarms up by name with it).</summary>
public sealed class QueryAlarms(AlarmingHttp http, AlarmComplexQuery query)
{
    [Function(nameof(QueryAlarms))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = AlarmingRoutes.QueryAlarms)] HttpRequest req,
        CancellationToken cancellationToken) =>
        http.WithObjectAsync(req, async (caller, body) =>
            AlarmingHttp.Json(new System.Text.Json.Nodes.JsonArray([.. (await query.QueryAsync(caller, body, cancellationToken)).Select(AlarmWire.Alarm)])), cancellationToken);
}

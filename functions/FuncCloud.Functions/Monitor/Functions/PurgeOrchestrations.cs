using FuncCloud.Functions.Monitor.Api;
using FuncCloud.Functions.Monitor.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace FuncCloud.Functions.Monitor.Functions;

/// <summary>
/// <c>POST /monitor/api/purge</c> with <c>{"statuses":["Completed",...],"older_than_hours":24}</c> or
/// <c>created_before</c>: purges finished instances in bulk.
/// </summary>
public sealed class PurgeOrchestrations(MonitorHttp http, OrchestrationOperator operations)
{
    [Function(nameof(PurgeOrchestrations))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = MonitorRoutes.Purge)] HttpRequest req,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        http.OperateAsync(req, async (caller, body) => await operations.PurgeAsync(durable, caller, body, cancellationToken), cancellationToken);
}

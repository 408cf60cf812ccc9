using FuncCloud.Functions.Monitor.Api;
using FuncCloud.Functions.Monitor.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace FuncCloud.Functions.Monitor.Functions;

/// <summary><c>DELETE /monitor/api/orchestrations/{instanceId}</c>: purges one finished instance (409 while it runs).</summary>
public sealed class PurgeOrchestration(MonitorHttp http, OrchestrationOperator operations)
{
    [Function(nameof(PurgeOrchestration))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = MonitorRoutes.Orchestration)] HttpRequest req,
        string instanceId,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        http.OperateAsync(req, async (caller, body) => await operations.RunAsync(durable, caller, instanceId, OrchestrationOperator.Purge, body, cancellationToken), cancellationToken);
}

using FuncCloud.Functions.Monitor.Api;
using FuncCloud.Functions.Monitor.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace FuncCloud.Functions.Monitor.Functions;

/// <summary>
/// <c>POST /monitor/api/orchestrations/{instanceId}/{action}</c>: terminate, suspend, resume, raise_event
/// (<c>{"name":..,"data":..}</c>), restart (<c>{"new_instance_id":true}</c>), rewind (501), purge. 202.
/// </summary>
public sealed class RunOrchestrationAction(MonitorHttp http, OrchestrationOperator operations)
{
    [Function(nameof(RunOrchestrationAction))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = MonitorRoutes.Orchestration + "/{action}")] HttpRequest req,
        string instanceId,
        string action,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        http.OperateAsync(req, async (caller, body) => await operations.RunAsync(durable, caller, instanceId, action, body, cancellationToken), cancellationToken);
}

using FuncCloud.Functions.Monitor.Api;
using FuncCloud.Functions.Monitor.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace FuncCloud.Functions.Monitor.Functions;

/// <summary><c>GET /monitor/api/orchestrations/{instanceId}</c>: the instance, its history, timeline and why.</summary>
public sealed class GetOrchestration(MonitorHttp http, OrchestrationInspector inspector)
{
    [Function(nameof(GetOrchestration))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = MonitorRoutes.Orchestration)] HttpRequest req,
        string instanceId,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        http.ReadAsync(req, async _ => await inspector.GetAsync(durable, instanceId, cancellationToken), cancellationToken);
}

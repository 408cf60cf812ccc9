using FuncCloud.Functions.Monitor.Api;
using FuncCloud.Functions.Monitor.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace FuncCloud.Functions.Monitor.Functions;

/// <summary><c>GET /monitor/api/stats?from=&amp;to=&amp;buckets=</c>: counts, histogram, slowest and failed.</summary>
public sealed class GetOrchestrationStats(MonitorHttp http, OrchestrationStatistics statistics)
{
    [Function(nameof(GetOrchestrationStats))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = MonitorRoutes.Stats)] HttpRequest req,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        http.ReadAsync(req, async _ => await statistics.GetAsync(durable, req.Query, cancellationToken), cancellationToken);
}

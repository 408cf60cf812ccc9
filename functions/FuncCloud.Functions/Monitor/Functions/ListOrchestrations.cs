using FuncCloud.Functions.Monitor.Api;
using FuncCloud.Functions.Monitor.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace FuncCloud.Functions.Monitor.Functions;

/// <summary><c>GET /monitor/api/orchestrations</c>: filtered, sorted, paged by continuation.</summary>
public sealed class ListOrchestrations(MonitorHttp http, OrchestrationLister lister, IOptions<MonitorOptions> options)
{
    [Function(nameof(ListOrchestrations))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = MonitorRoutes.Orchestrations)] HttpRequest req,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        http.ReadAsync(req, async _ => await lister.ListAsync(durable, OrchestrationFilter.Parse(req.Query, options.Value.MaxPageSize), cancellationToken), cancellationToken);
}

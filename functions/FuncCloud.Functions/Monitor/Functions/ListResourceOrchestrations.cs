using FuncCloud.Functions.Monitor.Api;
using FuncCloud.Functions.Monitor.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace FuncCloud.Functions.Monitor.Functions;

/// <summary><c>GET /monitor/api/resources/{type}/{id}/orchestrations</c>: a server's (image's ...) workflows, newest first.</summary>
public sealed class ListResourceOrchestrations(MonitorHttp http, ResourceWorkflowService resources)
{
    [Function(nameof(ListResourceOrchestrations))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = MonitorRoutes.Resource)] HttpRequest req,
        string resourceType,
        string resourceId,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        http.ReadAsync(req, async _ => await resources.ListAsync(durable, resourceType, resourceId, cancellationToken), cancellationToken);
}

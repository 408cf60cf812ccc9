using FuncCloud.Functions.Monitor.Api;
using FuncCloud.Functions.Monitor.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace FuncCloud.Functions.Monitor.Functions;

/// <summary>
/// <c>GET /monitor/api/orchestrations/{instanceId}/payloads/{part}</c> (input, output, custom_status, history-N):
/// a payload whole, as stored, where the instance view cut it.
/// </summary>
public sealed class GetOrchestrationPayload(MonitorHttp http, OrchestrationInspector inspector)
{
    [Function(nameof(GetOrchestrationPayload))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = MonitorRoutes.Orchestration + "/payloads/{part}")] HttpRequest req,
        string instanceId,
        string part,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        http.ReadAsync(req, async _ => new PayloadBody(await inspector.PayloadAsync(durable, instanceId, part, cancellationToken)), cancellationToken);

    /// <summary>The payload as stored (serialized JSON, or text).</summary>
    public sealed record PayloadBody(string? Text);
}

using System.Text.Json;
using Azure.Storage.Queues;
using FuncCloud.Agent.Api;
using FuncCloud.Agent.Hosting;
using FuncCloud.Shared.Agents;
using FuncCloud.Shared.Storage;
using FuncCloud.Shared.Telemetry.Samples;
using Microsoft.Extensions.Options;

namespace FuncCloud.Agent.Queues;

/// <summary>
/// Posts results to <c>agent-results</c>, reports to <c>agent-events</c> and samples to <c>telemetry-samples</c> (prefixed names). After a result it
/// tells the control plane (<c>results-posted</c>, not awaited) so the result is taken in milliseconds rather than
/// at the end of the results listener's idle back-off; that call may fail, the queue still delivers.
/// </summary>
public sealed class AgentQueuePublisher(
    QueueServiceClient queues,
    StorageNames names,
    IComputeNodeApi api,
    IOptions<AgentOptions> options,
    IOptions<AgentApiOptions> apiOptions)
{
    private readonly QueueClient _results = queues.GetQueueClient(names.Queue(AgentQueueNames.Results));
    private readonly QueueClient _events = queues.GetQueueClient(names.Queue(AgentQueueNames.Events));
    private readonly QueueClient _samples = queues.GetQueueClient(names.Queue(TelemetryQueueNames.Samples));

    /// <summary>Creates both queues when missing (the control plane may not have run yet).</summary>
    public async Task EnsureQueuesAsync(CancellationToken cancellationToken)
    {
        await _results.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await _events.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        if (options.Value.Pollster)
        {
            await _samples.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }
    }

    public async Task SendResultAsync(AgentResult result, CancellationToken cancellationToken)
    {
        await _results.SendMessageAsync(JsonSerializer.Serialize(result, AgentJson.Options), cancellationToken);
        if (options.Value.ReportResultsPosted && apiOptions.Value.Endpoint is not null)
        {
            _ = ReportPostedAsync(result.NodeName);
        }
    }

    public Task SendReportAsync(PowerStateReport report, CancellationToken cancellationToken) =>
        _events.SendMessageAsync(JsonSerializer.Serialize(report, AgentJson.Options), cancellationToken);

    /// <summary>Posts one batch of telemetry samples to <c>telemetry-samples</c>.</summary>
    public Task SendSamplesAsync(SampleBatch batch, CancellationToken cancellationToken) =>
        _samples.SendMessageAsync(JsonSerializer.Serialize(batch, AgentJson.Options), cancellationToken);

    private async Task ReportPostedAsync(string nodeName)
    {
        try
        {
            await api.ResultsPostedAsync(nodeName, CancellationToken.None);
        }
        catch (Exception e) when (e is Refit.ApiException or HttpRequestException or Api.KeystoneAuthenticationException or TaskCanceledException)
        {
            // Only a latency hint: the results listener finds the message by polling.
        }
    }
}

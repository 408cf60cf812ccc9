using System.Text.Json;
using FuncCloud.Functions.Monitor.Api;
using FuncCloud.Shared.Workflows;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace FuncCloud.Functions.Monitor.Services;

/// <summary>Turns durable metadata into the monitor's views.</summary>
public sealed class OrchestrationViews(IOptions<MonitorOptions> options)
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    /// <summary>The list row of <paramref name="metadata"/>.</summary>
    public static OrchestrationSummary Summary(OrchestrationMetadata metadata)
    {
        var status = metadata.RuntimeStatus;
        var finished = status is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated;
        var (outcome, message) = Outcome(metadata);
        return new OrchestrationSummary(
            metadata.InstanceId,
            metadata.Name,
            status.ToString(),
            metadata.CreatedAt,
            metadata.LastUpdatedAt,
            finished ? Math.Round((metadata.LastUpdatedAt - metadata.CreatedAt).TotalSeconds, 3) : null,
            WorkflowResources.Of(metadata),
            outcome,
            message);
    }

    /// <summary>Whether the row counts as failed: the orchestration failed, or it rolled its operation back.</summary>
    public static bool IsFailed(OrchestrationSummary summary) => summary.Outcome == WorkflowOutcome.Failed;

    /// <summary><paramref name="text"/> cut to the inline size, with a link to the whole of it.</summary>
    public PayloadView? Payload(string? text, string href)
    {
        if (text is null)
        {
            return null;
        }

        var limit = options.Value.InlinePayloadChars;
        return text.Length <= limit ? new PayloadView(text, text.Length, false, null) : new PayloadView(text[..limit], text.Length, true, href);
    }

    /// <summary>A failure and its inner failures.</summary>
    public static FailureView? Failure(TaskFailureDetails? details) =>
        details is null ? null : new FailureView(details.ErrorType, details.ErrorMessage, details.StackTrace, Failure(details.InnerFailure));

    private static (string? Outcome, string? Message) Outcome(OrchestrationMetadata metadata)
    {
        if (metadata.RuntimeStatus == OrchestrationRuntimeStatus.Failed)
        {
            return (WorkflowOutcome.Failed, metadata.FailureDetails?.ErrorMessage ?? FirstLine(metadata.SerializedOutput));
        }

        if (metadata.SerializedCustomStatus is { Length: > 0 } custom && custom.Contains(WorkflowOutcome.Failed, StringComparison.Ordinal))
        {
            try
            {
                if (JsonSerializer.Deserialize<WorkflowOutcome>(custom, Web) is { Result: WorkflowOutcome.Failed } failed)
                {
                    return (WorkflowOutcome.Failed, failed.Message);
                }
            }
            catch (JsonException)
            {
                // Someone else's custom status: not an outcome.
            }
        }

        return (null, null);
    }

    private static string? FirstLine(string? text) => text?.Split('\n', 2)[0].Trim('"');
}

using FuncCloud.Shared.Image;
using FuncCloud.Shared.Workflows;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace FuncCloud.Durable.Image;

/// <summary>
/// glance-direct import: move the staged data into the image (retried: storage hiccups are transient),
/// and on failure compensate, leaving the image queued with no data and <c>os_glance_failed_import</c> set.
/// Instance id: <see cref="ImageWorkflows.ImportInstanceId"/>.
/// </summary>
public static partial class ImportImageOrchestration
{
    private static readonly TaskOptions Retry = TaskOptions.FromRetryPolicy(new RetryPolicy(3, TimeSpan.FromSeconds(2), backoffCoefficient: 2));

    [Function(ImageWorkflows.ImportOrchestration)]
    public static async Task RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var input = context.GetInput<ImageImportInput>() ?? throw new InvalidOperationException("The import orchestration needs an ImageImportInput.");
        var logger = context.CreateReplaySafeLogger(nameof(ImportImageOrchestration));
        try
        {
            await context.CallActivityAsync(ImageWorkflows.ImportStagedData, input, Retry);
            LogImported(logger, input.ImageId);
        }
        catch (TaskFailedException e)
        {
            var reason = e.FailureDetails.ErrorMessage;
            context.SetCustomStatus(WorkflowOutcome.Failure($"Import of image {input.ImageId} failed: {reason}"));
            await context.CallActivityAsync(ImageWorkflows.FailImport, new ImageImportFailure(input.ImageId, reason), Retry);
            LogFailed(logger, input.ImageId, reason);
        }
    }

    [LoggerMessage(EventId = 4201, Level = LogLevel.Information, Message = "Import of image {imageId} completed")]
    private static partial void LogImported(ILogger logger, string imageId);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Warning, Message = "Import of image {imageId} failed and was rolled back: {reason}")]
    private static partial void LogFailed(ILogger logger, string imageId, string reason);
}

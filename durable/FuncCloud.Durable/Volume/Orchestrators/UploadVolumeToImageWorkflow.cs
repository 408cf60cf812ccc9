using FuncCloud.Durable.Compute.Activities;
using FuncCloud.Durable.Compute.Workflows;
using FuncCloud.Durable.Volume.Activities;
using FuncCloud.Durable.Volume.Workflows;
using FuncCloud.Shared.Agents.Commands;
using FuncCloud.Shared.Volume.Messages;
using FuncCloud.Shared.Volume.Volumes;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace FuncCloud.Durable.Volume.Orchestrators;

/// <summary>Input of <see cref="UploadVolumeToImageWorkflow"/>.</summary>
/// <param name="VolumeId">The <c>uploading</c> volume.</param>
/// <param name="ProjectId">Its project.</param>
/// <param name="RequestId">The action's request.</param>
/// <param name="ImageId">The queued Glance image the API created.</param>
/// <param name="ReturnStatus">The status the volume had (<c>available</c>, or <c>in-use</c> with <c>force</c>).</param>
public sealed record UploadVolumeToImageInput(string VolumeId, string ProjectId, string RequestId, string ImageId, string ReturnStatus);

/// <summary>
/// <c>os-volume_upload_image</c>: the volume's storage node streams its bytes into the queued image's data (Glance makes
/// it active), then the volume returns to the status it had. When the node fails or does not answer, the image is
/// deleted (unless its upload completed), the volume still returns to its status and a user message says why, as
/// cinder's <c>copy_volume_to_image</c> does. Instance id: <see cref="Id"/>.
/// </summary>
public static class UploadVolumeToImageWorkflow
{
    /// <summary>A whole volume crosses the network: as long as a create from an image.</summary>
    public const int TimeoutSeconds = StorageCalls.CreateTimeoutSeconds;

    public static string Id(string volumeId, string imageId) => $"{volumeId}:upload-image:{imageId}";

    [Function(nameof(UploadVolumeToImageWorkflow))]
    public static async Task RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var input = context.GetInput<UploadVolumeToImageInput>()!;
        var location = await context.CallActivityAsync<VolumeLocation>(nameof(LocateVolume), new DeleteVolumeInput(input.VolumeId, input.ProjectId, input.RequestId, false));
        var outcome = location.Node is { } node
            ? await StorageCalls.RunAsync(context, node, new UploadVolumeToImageCommand(input.VolumeId, input.ImageId), TimeoutSeconds)
            : new StorageCallOutcome(null, $"volume {input.VolumeId} is on no storage node");
        if (!outcome.Succeeded)
        {
            await context.CallActivityAsync<bool>(nameof(DiscardSnapshotImage), new DiscardSnapshotImageInput(input.VolumeId, input.ImageId));
        }

        var now = new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero);
        await context.CallActivityAsync<bool>(nameof(SettleVolume), outcome.Succeeded
            ? new SettleVolumeInput(input.VolumeId, input.ProjectId, input.RequestId, VolumeStatus.Uploading, input.ReturnStatus, null, null, null, null, null, now)
            : new SettleVolumeInput(input.VolumeId, input.ProjectId, input.RequestId, VolumeStatus.Uploading, input.ReturnStatus, null, null,
                context.NewGuid().ToString(), VolumeMessageEvents.CopyVolumeToImage, $"copy volume to image {input.ImageId}: {outcome.Error}", now));
    }
}

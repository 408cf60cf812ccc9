using System.Text.Json;
using FuncCloud.Durable.Volume.Orchestrators;
using FuncCloud.Shared.Agents;
using FuncCloud.Shared.Agents.Commands;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace FuncCloud.Durable.Volume.Attachments;

/// <summary>
/// Attaches a reserved (<c>attaching</c>) volume to a server: the storage node exports it to the server's node
/// (a local path on the same node, iSCSI otherwise), the compute node hot-plugs it at the reserved device, then
/// the volume is <c>in-use</c> and the server lists it. Any failure unexports the volume, frees the device and
/// returns the volume to <c>available</c>. Instance id: <see cref="AttachmentWorkflowIds.Attach"/>.
/// </summary>
public static class AttachVolumeWorkflow
{
    [Function(nameof(AttachVolumeWorkflow))]
    public static async Task RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var input = context.GetInput<VolumeAttachmentInput>()!;
        var exported = await StorageCalls.RunAsync(context, input.StorageNode, new ExportVolumeCommand(input.VolumeId, input.ComputeNode));
        var attached = false;
        if (exported is { Succeeded: true, Result.Output: { } output })
        {
            var connection = output.Deserialize<VolumeConnectionInfo>(AgentJson.Options)!;
            attached = (await StorageCalls.RunAsync(context, input.ComputeNode, new AttachVolumeCommand(input.ServerId, input.VolumeId, input.Device, connection))).Succeeded;
        }

        if (!attached)
        {
            await StorageCalls.SendAsync(context, input.ComputeNode, new DetachVolumeCommand(input.ServerId, input.VolumeId));
            await StorageCalls.SendAsync(context, input.StorageNode, new UnexportVolumeCommand(input.VolumeId));
        }

        await context.CallActivityAsync(nameof(SettleAttachment), new SettleAttachmentInput(input, true, attached, new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero)));
    }
}

/// <summary>
/// Detaches a <c>detaching</c> volume: the compute node unplugs it, the storage node removes the export, then the
/// volume is <c>available</c> and the server no longer lists it. When the compute node fails the volume goes back
/// to <c>in-use</c> (still attached). Instance id: <see cref="AttachmentWorkflowIds.Detach"/>.
/// </summary>
public static class DetachVolumeWorkflow
{
    [Function(nameof(DetachVolumeWorkflow))]
    public static async Task RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var input = context.GetInput<VolumeAttachmentInput>()!;
        var detached = (await StorageCalls.RunAsync(context, input.ComputeNode, new DetachVolumeCommand(input.ServerId, input.VolumeId))).Succeeded;
        if (detached)
        {
            // An export left behind would leak a target on the storage node: wait for the unexport.
            detached = (await StorageCalls.RunAsync(context, input.StorageNode, new UnexportVolumeCommand(input.VolumeId))).Succeeded;
        }

        await context.CallActivityAsync(nameof(SettleAttachment), new SettleAttachmentInput(input, false, detached, new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero)));
    }
}

using System.Text.Json;
using FuncCloud.Durable.Volume.Orchestrators;
using FuncCloud.Shared.Agents;
using FuncCloud.Shared.Agents.Commands;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace FuncCloud.Durable.Volume.Attachments;

/// <summary>
/// Cinder's attachment update with a connector (<c>initialize_connection</c>): the volume's storage node exports it to
/// the connector's host (a local path on the same node, iSCSI otherwise), then the attachment records the connection
/// info and becomes <c>attaching</c>. The API waits for the outcome (cinder answers the update with the connection info).
/// When the attachment vanished meanwhile the export is removed again. Instance id: <see cref="AttachmentWorkflowIds.Export"/>.
/// </summary>
public static class ExportAttachmentWorkflow
{
    [Function(nameof(ExportAttachmentWorkflow))]
    public static async Task<AttachmentExportOutcome> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var input = context.GetInput<ExportAttachmentInput>()!;
        var exported = await StorageCalls.RunAsync(context, input.StorageNode, new ExportVolumeCommand(input.VolumeId, input.ConnectorHost));
        if (exported is not { Succeeded: true, Result.Output: { } output })
        {
            return new AttachmentExportOutcome(null, exported.Error ?? $"export-volume on storage node {input.StorageNode} returned no connection info");
        }

        var connection = output.Deserialize<VolumeConnectionInfo>(AgentJson.Options)!;
        var error = await context.CallActivityAsync<string?>(nameof(SettleAttachmentExport), new SettleAttachmentExportInput(input, connection, new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero)));
        if (error is not null)
        {
            await StorageCalls.SendAsync(context, input.StorageNode, new UnexportVolumeCommand(input.VolumeId));
            return new AttachmentExportOutcome(null, error);
        }

        return new AttachmentExportOutcome(connection, null);
    }
}

/// <summary>
/// After cinder's attachment delete: the storage node removes the volume's export (fire and forget; the node's
/// journal makes it happen once). Instance id: <see cref="AttachmentWorkflowIds.Unexport"/>.
/// </summary>
public static class UnexportAttachmentWorkflow
{
    [Function(nameof(UnexportAttachmentWorkflow))]
    public static async Task RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var input = context.GetInput<UnexportAttachmentInput>()!;
        await StorageCalls.SendAsync(context, input.StorageNode, new UnexportVolumeCommand(input.VolumeId));
    }
}

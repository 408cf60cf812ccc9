using FuncCloud.Durable.Volume.Activities;
using FuncCloud.Durable.Volume.Workflows;
using FuncCloud.Shared.Volume.Snapshots;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace FuncCloud.Durable.Volume.Orchestrators;

/// <summary>
/// Creates a snapshot: the Fake backend keeps state only, so the snapshot settles <c>available</c>.
/// Instance id: <see cref="VolumeWorkflowIds.CreateSnapshot"/>.
/// </summary>
public static class CreateSnapshotWorkflow
{
    [Function(nameof(CreateSnapshotWorkflow))]
    public static Task RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var input = context.GetInput<SnapshotWorkflowInput>()!;
        return context.CallActivityAsync<bool>(nameof(SettleSnapshot), new SettleSnapshotInput(
            input.SnapshotId, input.ProjectId, SnapshotStatus.Creating, SnapshotStatus.Available, new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero)));
    }
}

/// <summary>Deletes a <c>deleting</c> snapshot and releases its quota. Instance id: <see cref="VolumeWorkflowIds.DeleteSnapshot"/>.</summary>
public static class DeleteSnapshotWorkflow
{
    [Function(nameof(DeleteSnapshotWorkflow))]
    public static Task RunAsync([OrchestrationTrigger] TaskOrchestrationContext context) =>
        context.CallActivityAsync(nameof(FinishSnapshotDelete), context.GetInput<SnapshotWorkflowInput>()!);
}

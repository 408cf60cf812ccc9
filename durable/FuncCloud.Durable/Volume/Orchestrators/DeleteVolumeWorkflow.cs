using FuncCloud.Durable.Volume.Activities;
using FuncCloud.Durable.Volume.Workflows;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace FuncCloud.Durable.Volume.Orchestrators;

/// <summary>Deletes a <c>deleting</c> volume (and its snapshots with cascade), its pool claim and its quota. Instance id: <see cref="VolumeWorkflowIds.DeleteVolume"/>.</summary>
public static class DeleteVolumeWorkflow
{
    [Function(nameof(DeleteVolumeWorkflow))]
    public static Task RunAsync([OrchestrationTrigger] TaskOrchestrationContext context) =>
        context.CallActivityAsync(nameof(FinishVolumeDelete), context.GetInput<DeleteVolumeInput>()!);
}

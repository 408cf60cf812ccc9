using FuncCloud.Durable.Compute.Activities;
using FuncCloud.Durable.Compute.Workflows;
using FuncCloud.Shared.Workflows;
using Microsoft.DurableTask;

namespace FuncCloud.Durable.Compute.Orchestrators;

/// <summary>A failed server step: the workflow's custom status says so (for the monitor), then the server records the fault.</summary>
internal static class ServerFailures
{
    public static Task FailStepAsync(TaskOrchestrationContext context, FailStepInput input)
    {
        context.SetCustomStatus(WorkflowOutcome.Failure(input.Fault.Message));
        return context.CallActivityAsync(nameof(FailServerStep), input);
    }
}

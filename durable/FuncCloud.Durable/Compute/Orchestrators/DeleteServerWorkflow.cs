using FuncCloud.Durable.Compute.Workflows;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace FuncCloud.Durable.Compute.Orchestrators;

/// <summary>
/// Deletes a server that is not building (a building one is torn down by its boot workflow): destroy on the
/// node, release the claims, DELETED. Instance id: <see cref="ComputeWorkflowIds.Delete"/>.
/// </summary>
public static class DeleteServerWorkflow
{
    [Function(nameof(DeleteServerWorkflow))]
    public static async Task RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var input = context.GetInput<DeleteServerInput>()!;
        await ServerTeardown.RunAsync(context, input.ServerId, input.RequestId, input.Host, input.AgentTimeoutSeconds);
    }
}

using FuncCloud.Durable.Compute.Activities;
using FuncCloud.Durable.Compute.Workflows;
using FuncCloud.Shared.Agents.Commands;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace FuncCloud.Durable.Compute.Orchestrators;

/// <summary>
/// os-interface attach after the API bound the port to the server's node: wait until the node's network agent
/// wired it (network-vif-plugged), then hot-plug it into the guest through the compute agent. A failure unplugs
/// what may have been plugged and releases the port (a made port deleted, the user's unbound), as nova's
/// attach_interface rolls back. Instance id: <see cref="ComputeWorkflowIds.Action"/> with <see cref="InterfaceActions.Attach"/>.
/// </summary>
public static class AttachInterfaceWorkflow
{
    [Function(nameof(AttachInterfaceWorkflow))]
    public static async Task<InterfaceWorkflowOutcome> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var input = context.GetInput<InterfaceWorkflowInput>()!;
        string? error = null;
        var unplugged = await VifPluggedWait.WaitAsync(context, [input.Port.PortId], input.VifPluggedTimeoutSeconds, null);
        if (unplugged.Count > 0)
        {
            error = $"Timed out after {input.VifPluggedTimeoutSeconds} s waiting for network-vif-plugged of port {input.Port.PortId} on {input.Node}.";
        }
        else
        {
            error = await InterfaceCalls.RunAsync(context, input, new AttachInterfaceCommand(input.ServerId, input.Port));
        }

        if (error is not null)
        {
            await InterfaceCalls.SendAsync(context, input, new DetachInterfaceCommand(input.ServerId, input.Port));
            await context.CallActivityAsync(nameof(ReleaseServerPort), new ReleaseServerPortInput(input.ServerId, input.Port.PortId));
        }

        await context.CallActivityAsync(nameof(FinishInterfaceAction), new FinishInterfaceActionInput(input.ServerId, input.RequestId, InterfaceActions.AttachStep, input.Node, context.InstanceId, error));
        return new InterfaceWorkflowOutcome(error);
    }
}

/// <summary>
/// os-interface detach: unplug the port from the guest through the compute agent, then release it (a port made
/// for the server is deleted, the user's unbound). When the node fails, the port stays attached.
/// Instance id: <see cref="ComputeWorkflowIds.Action"/> with <see cref="InterfaceActions.Detach"/>.
/// </summary>
public static class DetachInterfaceWorkflow
{
    [Function(nameof(DetachInterfaceWorkflow))]
    public static async Task<InterfaceWorkflowOutcome> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var input = context.GetInput<InterfaceWorkflowInput>()!;
        var error = await InterfaceCalls.RunAsync(context, input, new DetachInterfaceCommand(input.ServerId, input.Port));
        if (error is null)
        {
            await context.CallActivityAsync(nameof(ReleaseServerPort), new ReleaseServerPortInput(input.ServerId, input.Port.PortId));
        }

        await context.CallActivityAsync(nameof(FinishInterfaceAction), new FinishInterfaceActionInput(input.ServerId, input.RequestId, InterfaceActions.DetachStep, input.Node, context.InstanceId, error));
        return new InterfaceWorkflowOutcome(error);
    }
}

/// <summary>A compute-agent command of the interface workflows: send, wait until the deadline, say what failed.</summary>
internal static class InterfaceCalls
{
    public static async Task<string?> RunAsync<TPayload>(TaskOrchestrationContext context, InterfaceWorkflowInput input, TPayload payload)
        where TPayload : Shared.Agents.IAgentCommandPayload
    {
        var command = AgentCalls.Command(context, payload, input.AgentTimeoutSeconds);
        await context.CallActivityAsync(nameof(SendAgentCommand), new SendAgentCommandInput(input.Node, command));
        var result = await AgentCalls.WaitAsync(context, command, input.AgentTimeoutSeconds);
        return result switch
        {
            { Success: true } => null,
            { Fault: { } fault } => $"{TPayload.Kind} failed on node {input.Node}: {fault.Message}",
            _ => $"{TPayload.Kind} timed out on node {input.Node}: no answer from its agent within {input.AgentTimeoutSeconds} s",
        };
    }

    // Compensation: the node cleans up whenever it gets to it.
    public static Task SendAsync<TPayload>(TaskOrchestrationContext context, InterfaceWorkflowInput input, TPayload payload)
        where TPayload : Shared.Agents.IAgentCommandPayload =>
        context.CallActivityAsync(nameof(SendAgentCommand), new SendAgentCommandInput(input.Node, AgentCalls.Command(context, payload, input.AgentTimeoutSeconds)));
}

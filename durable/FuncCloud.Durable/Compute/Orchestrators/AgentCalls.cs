using System.Text.Json;
using FuncCloud.Durable.Compute.Workflows;
using FuncCloud.Shared.Agents;
using FuncCloud.Shared.Compute.Servers;
using Microsoft.DurableTask;

namespace FuncCloud.Durable.Compute.Orchestrators;

/// <summary>
/// How a workflow talks to an agent, replay-safely: the command id and event name are derived from the
/// instance id and the command kind (stable across replays and retries), the deadline from the orchestration
/// clock, and every wait has a timeout a little past the deadline (a late agent answers DeadlineExceeded).
/// </summary>
internal static class AgentCalls
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(10);

    public static AgentCommand Command<TPayload>(TaskOrchestrationContext context, TPayload payload, int timeoutSeconds)
        where TPayload : IAgentCommandPayload
    {
        var now = new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero);
        return AgentCommand.Create($"{context.InstanceId}:{TPayload.Kind}", context.InstanceId, ComputeEvents.AgentResult(TPayload.Kind), payload, now, now.AddSeconds(timeoutSeconds));
    }

    public static AgentCommand Command(TaskOrchestrationContext context, string kind, JsonElement payload, int timeoutSeconds)
    {
        var now = new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero);
        return new AgentCommand($"{context.InstanceId}:{kind}", kind, context.InstanceId, ComputeEvents.AgentResult(kind), payload, now, now.AddSeconds(timeoutSeconds));
    }

    /// <summary>The agent's result, or null when none came before the deadline (plus grace).</summary>
    public static async Task<AgentResult?> WaitAsync(TaskOrchestrationContext context, AgentCommand command, int timeoutSeconds)
    {
        try
        {
            return await context.WaitForExternalEvent<AgentResult>(command.EventName, TimeSpan.FromSeconds(timeoutSeconds) + Grace);
        }
        catch (TaskCanceledException)
        {
            return null;
        }
    }

    /// <summary>The server fault for a failed or unanswered command.</summary>
    public static ServerFault Fault(TaskOrchestrationContext context, string what, string node, AgentCommand command, AgentResult? result, int timeoutSeconds)
    {
        var now = new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero);
        if (result?.Fault is { } fault)
        {
            return new ServerFault(500, $"{what} failed on node {node}: {fault.Message}", Traceback(command, node, fault), now);
        }

        return new ServerFault(
            500,
            $"{what} timed out on node {node}: no answer from its agent within {timeoutSeconds} s",
            $"Step {command.Kind} (command {command.CommandId}) sent to agent-{node} at {command.IssuedAt:O}, deadline {command.Deadline:O}: no result arrived. The agent is down or overloaded.",
            now);
    }

    public static string Traceback(AgentCommand command, string node, AgentFault fault) =>
        $"{fault.Code}: {fault.Message}\n  in agent step {fault.Step ?? command.Kind} on node {node} (command {command.CommandId})" +
        (fault.Detail is { } detail ? $"\n  {detail}" : string.Empty);
}

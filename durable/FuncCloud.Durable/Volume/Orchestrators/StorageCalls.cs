using FuncCloud.Durable.Compute.Activities;
using FuncCloud.Durable.Compute.Orchestrators;
using FuncCloud.Shared.Agents;
using Microsoft.DurableTask;

namespace FuncCloud.Durable.Volume.Orchestrators;

/// <summary>The outcome of a storage-node command: the result, or why there is none.</summary>
/// <param name="Result">The agent's result (null when it did not answer in time).</param>
/// <param name="Error">Null on success; otherwise what failed, on which node, in the agent's words.</param>
public sealed record StorageCallOutcome(AgentResult? Result, string? Error)
{
    public bool Succeeded => Error is null;
}

/// <summary>
/// How the volume workflows run a command on a storage node, replay-safely: send it on the node's queue
/// (command id and event name derived from the instance id and kind), wait for the result until the deadline.
/// </summary>
internal static class StorageCalls
{
    /// <summary>Most storage steps (qemu-img on a file) take well under a second; images and copies take longer.</summary>
    public const int DefaultTimeoutSeconds = 120;

    /// <summary>Creating from an image downloads and converts it.</summary>
    public const int CreateTimeoutSeconds = 900;

    public static async Task<StorageCallOutcome> RunAsync<TPayload>(TaskOrchestrationContext context, string node, TPayload payload, int timeoutSeconds = DefaultTimeoutSeconds)
        where TPayload : IAgentCommandPayload
    {
        var command = AgentCalls.Command(context, payload, timeoutSeconds);
        await context.CallActivityAsync(nameof(SendAgentCommand), new SendAgentCommandInput(node, command));
        var result = await AgentCalls.WaitAsync(context, command, timeoutSeconds);
        return result switch
        {
            { Success: true } => new StorageCallOutcome(result, null),
            { Fault: { } fault } => new StorageCallOutcome(result, $"{TPayload.Kind} failed on storage node {node}: {fault.Message}"),
            _ => new StorageCallOutcome(result, $"{TPayload.Kind} timed out on storage node {node}: no answer from its agent within {timeoutSeconds} s"),
        };
    }

    /// <summary>
    /// Compensation: sends a command without waiting (the node cleans up whenever it gets to it). Several commands of
    /// one kind from one instance need distinct <paramref name="discriminator"/>s (the agent's journal dedups by id).
    /// </summary>
    public static Task SendAsync<TPayload>(TaskOrchestrationContext context, string node, TPayload payload, int timeoutSeconds = DefaultTimeoutSeconds, string? discriminator = null)
        where TPayload : IAgentCommandPayload
    {
        var command = AgentCalls.Command(context, payload, timeoutSeconds);
        if (discriminator is not null)
        {
            command = command with { CommandId = $"{command.CommandId}:{discriminator}", EventName = $"{command.EventName}:{discriminator}" };
        }

        return context.CallActivityAsync(nameof(SendAgentCommand), new SendAgentCommandInput(node, command));
    }
}

using System.Text.Json;

namespace FuncCloud.Shared.Agents;

/// <summary>
/// The reply to one <see cref="AgentCommand"/>, posted to <see cref="AgentQueueNames.Results"/>. The results
/// function raises it, unchanged, as the external event <see cref="EventName"/> on
/// <see cref="OrchestrationId"/>; the orchestration waits with
/// <c>WaitForExternalEvent&lt;AgentResult&gt;(eventName, timeout)</c>.
/// </summary>
/// <remarks>
/// At least once: a redelivered command yields the same result again (same <see cref="CompletedAt"/>).
/// </remarks>
/// <param name="CommandId">The command's id.</param>
/// <param name="Kind">The command's kind.</param>
/// <param name="OrchestrationId">From the command.</param>
/// <param name="EventName">From the command.</param>
/// <param name="NodeName">The node that executed it.</param>
/// <param name="Success">True when the command reached its goal.</param>
/// <param name="Output">
/// On success, the JSON of the command's output record: <see cref="Commands.InstanceStateOutput"/> for every
/// kind except <c>get-console-output</c> (<see cref="Commands.ConsoleOutput"/>). Null on failure.
/// </param>
/// <param name="Fault">On failure, what failed and where. Null on success.</param>
/// <param name="CompletedAt">When the agent finished the command.</param>
public sealed record AgentResult(
    string CommandId,
    string Kind,
    string OrchestrationId,
    string EventName,
    string NodeName,
    bool Success,
    JsonElement? Output,
    AgentFault? Fault,
    DateTimeOffset CompletedAt)
{
    /// <summary>Reads <see cref="Output"/> as <typeparamref name="TOutput"/>.</summary>
    /// <exception cref="InvalidOperationException">The result has no output (it failed).</exception>
    public TOutput ReadOutput<TOutput>() =>
        Output is { } output
            ? output.Deserialize<TOutput>(AgentJson.Options) ?? throw new InvalidOperationException($"Command {CommandId} returned a null output.")
            : throw new InvalidOperationException($"Command {CommandId} has no output: {Fault?.Message}");
}

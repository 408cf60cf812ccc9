using System.Text.Json;

namespace FuncCloud.Shared.Agents;

/// <summary>
/// The envelope of every message on a node's command queue <c>agent-&lt;node&gt;</c>.
/// </summary>
/// <remarks>
/// <para>Serialization: System.Text.Json with <see cref="AgentJson.Options"/> (camelCase, enums as strings).
/// The scheme is "kind + payload": <see cref="Kind"/> is one of <see cref="AgentCommandKinds"/> and
/// <see cref="Payload"/> is the JSON of the matching payload record (e.g. <see cref="Commands.SpawnCommand"/>
/// for <c>spawn</c>). The envelope therefore always deserializes, even for a kind the agent does not know,
/// and the agent can reply with a fault instead of poisoning the message.</para>
/// <para>Delivery is at least once. <see cref="CommandId"/> must be unique per orchestration step and stable
/// across retries of that step (e.g. <c>{orchestrationId}:{step}</c>): the agent's journal recognises a
/// redelivered or re-sent command by it, never executes it twice, and re-sends the recorded result.</para>
/// <para>The reply is an <see cref="AgentResult"/> on <see cref="AgentQueueNames.Results"/> carrying
/// <see cref="OrchestrationId"/> and <see cref="EventName"/>, which the results function raises as an
/// external event on that orchestration. Results may arrive more than once: the event name must be unique
/// per step so a duplicate is ignored.</para>
/// </remarks>
/// <param name="CommandId">Unique and stable per orchestration step.</param>
/// <param name="Kind">One of <see cref="AgentCommandKinds"/>.</param>
/// <param name="OrchestrationId">The orchestration instance id to reply to.</param>
/// <param name="EventName">The external event name the orchestration waits for.</param>
/// <param name="Payload">The payload record as JSON.</param>
/// <param name="IssuedAt">When the control plane issued the command.</param>
/// <param name="Deadline">
/// After this instant the orchestration has given up: the agent does not start the command and replies
/// with <see cref="AgentFaultCodes.DeadlineExceeded"/>. Null means no deadline.
/// </param>
public sealed record AgentCommand(
    string CommandId,
    string Kind,
    string OrchestrationId,
    string EventName,
    JsonElement Payload,
    DateTimeOffset IssuedAt,
    DateTimeOffset? Deadline)
{
    /// <summary>
    /// The node a command on a fleet's shared queue (<see cref="AgentQueueNames.ForFleet"/>) is for; null on a node's own
    /// queue, where the queue names the node.
    /// </summary>
    public string? Node { get; init; }

    /// <summary>Builds an envelope for a typed payload; the kind comes from the payload type.</summary>
    public static AgentCommand Create<TPayload>(
        string commandId,
        string orchestrationId,
        string eventName,
        TPayload payload,
        DateTimeOffset issuedAt,
        DateTimeOffset? deadline = null)
        where TPayload : IAgentCommandPayload =>
        new(commandId, TPayload.Kind, orchestrationId, eventName,
            JsonSerializer.SerializeToElement(payload, AgentJson.Options), issuedAt, deadline);

    /// <summary>Reads the payload as <typeparamref name="TPayload"/>.</summary>
    /// <exception cref="InvalidAgentCommandException">The kind does not match or the payload is malformed.</exception>
    public TPayload ReadPayload<TPayload>()
        where TPayload : IAgentCommandPayload
    {
        if (!string.Equals(Kind, TPayload.Kind, StringComparison.Ordinal))
        {
            throw new InvalidAgentCommandException(CommandId, $"kind '{Kind}' does not carry a {typeof(TPayload).Name}");
        }

        try
        {
            return Payload.Deserialize<TPayload>(AgentJson.Options)
                ?? throw new InvalidAgentCommandException(CommandId, "the payload is null");
        }
        catch (JsonException e)
        {
            throw new InvalidAgentCommandException(CommandId, $"the {Kind} payload is malformed: {e.Message}");
        }
    }
}

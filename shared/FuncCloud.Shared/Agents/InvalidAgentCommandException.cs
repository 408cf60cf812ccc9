namespace FuncCloud.Shared.Agents;

/// <summary>A command envelope or payload that cannot be executed as sent.</summary>
public sealed class InvalidAgentCommandException(string commandId, string reason)
    : Exception($"Command {commandId} is invalid: {reason}.")
{
    /// <summary>The offending command's id.</summary>
    public string CommandId { get; } = commandId;
}

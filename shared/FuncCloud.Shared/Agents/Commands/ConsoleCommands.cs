namespace FuncCloud.Shared.Agents.Commands;

/// <summary>Read the instance's serial console log; the output is a <see cref="ConsoleOutput"/>.</summary>
/// <param name="ServerId">The server.</param>
/// <param name="Length">Return only the last this many lines (the API's <c>length</c>); null for all.</param>
public sealed record GetConsoleOutputCommand(string ServerId, int? Length = null) : IAgentCommandPayload
{
    public static string Kind => AgentCommandKinds.GetConsoleOutput;
}

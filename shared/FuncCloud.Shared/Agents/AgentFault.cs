namespace FuncCloud.Shared.Agents;

/// <summary>
/// Why a command failed, in words an operator can act on; it becomes the server's <c>fault</c>.
/// </summary>
/// <param name="Code">One of <see cref="AgentFaultCodes"/>.</param>
/// <param name="Message">A one-line, human-readable reason naming the server and the operation.</param>
/// <param name="Step">The agent step that failed (e.g. <c>driver.spawn</c>), for the fault's details.</param>
/// <param name="Detail">Extra diagnostic text (exception type and message); never a stack trace.</param>
public sealed record AgentFault(string Code, string Message, string? Step = null, string? Detail = null);

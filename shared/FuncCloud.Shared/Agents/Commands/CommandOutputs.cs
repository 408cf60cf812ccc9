using FuncCloud.Shared.Compute;

namespace FuncCloud.Shared.Agents.Commands;

/// <summary>
/// The output of every instance command except console output: the instance as the driver sees it after the
/// command. <paramref name="Instance"/> is null after a destroy (the server is gone).
/// </summary>
/// <param name="ServerId">The server.</param>
/// <param name="Instance">The driver's view of the instance, or null when it no longer exists.</param>
/// <param name="Recovered">
/// True when the agent found the command in its journal as started but unfinished (it crashed mid-command)
/// and completed it by checking the instance's actual state.
/// </param>
public sealed record InstanceStateOutput(string ServerId, InstanceInfo? Instance, bool Recovered = false);

/// <summary>The output of <see cref="GetConsoleOutputCommand"/>.</summary>
public sealed record ConsoleOutput(string ServerId, string Output);

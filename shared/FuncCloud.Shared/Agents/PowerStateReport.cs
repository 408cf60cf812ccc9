using FuncCloud.Shared.Compute;

namespace FuncCloud.Shared.Agents;

/// <summary>
/// The periodic power-state sync of one node (nova's <c>_sync_power_states</c>), posted to
/// <see cref="AgentQueueNames.Events"/> every reconcile interval. It lists every instance the driver has,
/// with its actual power state; the control plane compares it with the database and corrects vm_state
/// (e.g. a guest that shut itself down becomes SHUTOFF). Instances the agent is executing a command for are
/// flagged <see cref="InstancePowerState.CommandInFlight"/>: their state is in motion, skip them as nova
/// skips instances with a task_state. A server in the database but absent from the report is gone from
/// the node.
/// </summary>
/// <param name="Kind">Always <see cref="EventKind"/>; lets the events queue carry other kinds later.</param>
/// <param name="NodeName">The reporting node.</param>
/// <param name="ObservedAt">When the driver was read.</param>
/// <param name="Instances">Every instance on the node.</param>
public sealed record PowerStateReport(
    string Kind,
    string NodeName,
    DateTimeOffset ObservedAt,
    IReadOnlyList<InstancePowerState> Instances)
{
    /// <summary>The <see cref="Kind"/> of a power-state report on the events queue.</summary>
    public const string EventKind = "power-state-report";
}

/// <summary>One instance in a <see cref="PowerStateReport"/>.</summary>
/// <param name="ServerId">The server.</param>
/// <param name="PowerState">Its actual power state.</param>
/// <param name="Changed">True when it differs from what this agent observed or set last.</param>
/// <param name="CommandInFlight">True while the agent executes a command for this server.</param>
public sealed record InstancePowerState(string ServerId, PowerState PowerState, bool Changed, bool CommandInFlight);

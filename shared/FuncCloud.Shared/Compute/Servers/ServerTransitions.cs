using FuncCloud.Shared.Compute;

namespace FuncCloud.Shared.Compute.Servers;

/// <summary>
/// One row of the transition table: which vm_states and task_states admit an action, the task_state the
/// server takes while the action runs, and the vm_state/power_state it rests in when the action succeeds.
/// </summary>
/// <param name="Action">A <see cref="ServerActions"/> value.</param>
/// <param name="FromVmStates">The vm_states that admit the action.</param>
/// <param name="FromTaskStates">The task_states that admit it (null = no task running).</param>
/// <param name="TaskState">The task_state while it runs (null: the action is synchronous).</param>
/// <param name="ToVmState">The vm_state after success (null: unchanged).</param>
/// <param name="ToPowerState">The power state after success (null: as the agent reports).</param>
/// <param name="IgnoresLock">True when a locked server still admits it (delete by admin is checked apart).</param>
public sealed record ServerTransition(
    string Action,
    IReadOnlyList<string> FromVmStates,
    IReadOnlyList<string?> FromTaskStates,
    string? TaskState,
    string? ToVmState,
    PowerState? ToPowerState,
    bool IgnoresLock = false);

/// <summary>
/// THE transition table of servers (nova's <c>check_instance_state</c> decorators in one place): every API
/// action asks it before changing anything, so a request in the wrong state is a 409 conflictingRequest in
/// nova's words and never reaches a workflow.
/// </summary>
public static class ServerTransitions
{
    private static readonly string?[] Idle = [null];
    private static readonly string[] Any = [VmStates.Active, VmStates.Building, VmStates.Paused, VmStates.Suspended, VmStates.Stopped, VmStates.Resized, VmStates.Error];

    private static readonly Dictionary<string, ServerTransition> Table = new ServerTransition[]
    {
        new(ServerActions.Reboot, [VmStates.Active], Idle, TaskStates.Rebooting, VmStates.Active, PowerState.Running),
        new(ServerActions.RebootHard, [VmStates.Active, VmStates.Paused, VmStates.Suspended, VmStates.Stopped, VmStates.Error],
            [null, TaskStates.Rebooting, TaskStates.RebootingHard], TaskStates.RebootingHard, VmStates.Active, PowerState.Running),
        new(ServerActions.Stop, [VmStates.Active, VmStates.Error], Idle, TaskStates.PoweringOff, VmStates.Stopped, PowerState.Shutdown),
        new(ServerActions.Start, [VmStates.Stopped], Idle, TaskStates.PoweringOn, VmStates.Active, PowerState.Running),
        new(ServerActions.Pause, [VmStates.Active], Idle, TaskStates.Pausing, VmStates.Paused, PowerState.Paused),
        new(ServerActions.Unpause, [VmStates.Paused], Idle, TaskStates.Unpausing, VmStates.Active, PowerState.Running),
        new(ServerActions.Suspend, [VmStates.Active], Idle, TaskStates.Suspending, VmStates.Suspended, PowerState.Suspended),
        new(ServerActions.Resume, [VmStates.Suspended], Idle, TaskStates.Resuming, VmStates.Active, PowerState.Running),
        new(ServerActions.Rebuild, [VmStates.Active, VmStates.Stopped, VmStates.Error], Idle, TaskStates.Rebuilding, VmStates.Active, PowerState.Running),
        new(ServerActions.Resize, [VmStates.Active, VmStates.Stopped], Idle, TaskStates.ResizePrep, VmStates.Resized, null),
        new(ServerActions.ConfirmResize, [VmStates.Resized], Idle, TaskStates.ResizeConfirming, null, null),
        new(ServerActions.RevertResize, [VmStates.Resized], Idle, TaskStates.ResizeReverting, null, null),
        new(ServerActions.CreateImage, [VmStates.Active, VmStates.Stopped, VmStates.Paused, VmStates.Suspended], Idle, TaskStates.ImageSnapshot, null, null),
        new(ServerActions.ConsoleOutput, [VmStates.Active, VmStates.Paused, VmStates.Suspended, VmStates.Stopped, VmStates.Resized, VmStates.Error],
            [null, .. AllTaskStates()], null, null, null, IgnoresLock: true),
        new(ServerActions.Delete, Any, [null, .. AllTaskStates()], TaskStates.Deleting, VmStates.Deleted, PowerState.NoState),
        new(ServerActions.Lock, Any, [null, .. AllTaskStates()], null, null, null, IgnoresLock: true),
        new(ServerActions.Unlock, Any, [null, .. AllTaskStates()], null, null, null, IgnoresLock: true),
        new(ServerActions.Update, Any, [null, .. AllTaskStates()], null, null, null, IgnoresLock: true),
    }.ToDictionary(t => t.Action, StringComparer.Ordinal);

    /// <summary>The row of <paramref name="action"/>.</summary>
    public static ServerTransition Of(string action) =>
        Table.TryGetValue(action, out var row) ? row : throw new ArgumentOutOfRangeException(nameof(action), action, "No such server action.");

    /// <summary>
    /// Admits <paramref name="action"/> on <paramref name="server"/> and returns the server with the action's
    /// task_state set (nova's instance.save(expected_task_state=...)).
    /// </summary>
    /// <exception cref="ServerLockedException">Locked, and <paramref name="overrideLock"/> is false.</exception>
    /// <exception cref="ServerStateConflictException">The vm_state or task_state does not admit the action.</exception>
    public static ServerRecord Begin(ServerRecord server, string action, bool overrideLock, DateTimeOffset now)
    {
        var row = Of(action);
        if (server.Locked && !row.IgnoresLock && !overrideLock)
        {
            throw new ServerLockedException(server.Id);
        }

        var name = action == ServerActions.RebootHard ? ServerActions.Reboot : action;
        if (!row.FromVmStates.Contains(server.VmState))
        {
            throw new ServerStateConflictException(server.Id, name, "vm_state", server.VmState);
        }

        if (!row.FromTaskStates.Contains(server.TaskState))
        {
            throw new ServerStateConflictException(server.Id, name, "task_state", server.TaskState);
        }

        return row.TaskState is null ? server : server with { TaskState = row.TaskState, UpdatedAt = now };
    }

    /// <summary>True when <paramref name="action"/> is admitted (locks aside).</summary>
    public static bool Allows(ServerRecord server, string action)
    {
        var row = Of(action);
        return row.FromVmStates.Contains(server.VmState) && row.FromTaskStates.Contains(server.TaskState);
    }

    /// <summary>
    /// The server after <paramref name="action"/> succeeded: its target vm_state and power state, no task.
    /// </summary>
    public static ServerRecord Complete(ServerRecord server, string action, PowerState? reported, DateTimeOffset now)
    {
        var row = Of(action);
        var vmState = row.ToVmState ?? server.VmState;
        if (action is ServerActions.Rebuild or ServerActions.RebootHard && reported == PowerState.Shutdown)
        {
            vmState = VmStates.Stopped;
        }

        return server with
        {
            VmState = vmState,
            TaskState = null,
            PowerState = reported ?? row.ToPowerState ?? server.PowerState,
            Fault = vmState == VmStates.Error ? server.Fault : null,
            UpdatedAt = now,
        };
    }

    private static IEnumerable<string?> AllTaskStates() =>
        typeof(TaskStates).GetFields().Select(f => (string?)f.GetValue(null));
}

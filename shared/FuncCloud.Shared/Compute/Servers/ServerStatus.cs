namespace FuncCloud.Shared.Compute.Servers;

/// <summary>
/// Nova's API <c>status</c>: a function of vm_state and task_state (nova.api.openstack.common's state map).
/// </summary>
public static class ServerStatus
{
    public const string Active = "ACTIVE";
    public const string Build = "BUILD";
    public const string Shutoff = "SHUTOFF";
    public const string Paused = "PAUSED";
    public const string Suspended = "SUSPENDED";
    public const string Reboot = "REBOOT";
    public const string HardReboot = "HARD_REBOOT";
    public const string Rebuild = "REBUILD";
    public const string Resize = "RESIZE";
    public const string VerifyResize = "VERIFY_RESIZE";
    public const string RevertResize = "REVERT_RESIZE";
    public const string Deleted = "DELETED";
    public const string Error = "ERROR";
    public const string Unknown = "UNKNOWN";

    /// <summary>The status of a server in <paramref name="vmState"/> doing <paramref name="taskState"/>.</summary>
    public static string Of(string vmState, string? taskState) => (vmState, taskState) switch
    {
        (VmStates.Active, TaskStates.Rebooting) => Reboot,
        (VmStates.Active, TaskStates.RebootingHard) => HardReboot,
        (VmStates.Active or VmStates.Stopped or VmStates.Error, TaskStates.Rebuilding) => Rebuild,
        (VmStates.Active or VmStates.Stopped, TaskStates.ResizePrep or TaskStates.ResizeFinish) => Resize,
        (VmStates.Active, _) => Active,
        (VmStates.Building, _) => Build,
        (VmStates.Stopped, _) => Shutoff,
        (VmStates.Resized, TaskStates.ResizeReverting) => RevertResize,
        (VmStates.Resized, _) => VerifyResize,
        (VmStates.Paused, _) => Paused,
        (VmStates.Suspended, _) => Suspended,
        (VmStates.Error, _) => Error,
        (VmStates.Deleted, _) => Deleted,
        _ => Unknown,
    };

    /// <summary>The vm_states a <c>status</c> filter of the list API selects (nova's status → vm_state map).</summary>
    public static IReadOnlyList<string> VmStatesOf(string status) => status.ToUpperInvariant() switch
    {
        Active or Reboot or HardReboot or Rebuild or Resize => [VmStates.Active],
        Build => [VmStates.Building],
        Shutoff => [VmStates.Stopped],
        VerifyResize or RevertResize => [VmStates.Resized],
        Paused => [VmStates.Paused],
        Suspended => [VmStates.Suspended],
        Error => [VmStates.Error],
        Deleted => [VmStates.Deleted],
        _ => [],
    };
}

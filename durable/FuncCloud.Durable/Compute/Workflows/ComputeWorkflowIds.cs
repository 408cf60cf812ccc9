using FuncCloud.Shared.Compute.Servers;

namespace FuncCloud.Durable.Compute.Workflows;

/// <summary>
/// Durable instance ids of the server workflows: the server id plus the operation, plus the request id for
/// actions that may legitimately run many times (reboot, stop ...). A retried create or delete maps onto the
/// same instance, so it never runs twice; a second concurrent action is refused earlier by the transition table.
/// </summary>
public static class ComputeWorkflowIds
{
    public static string Create(string serverId) => $"{serverId}:{ServerActions.Create}";

    public static string Delete(string serverId) => $"{serverId}:{ServerActions.Delete}";

    public static string Action(string serverId, string action, string requestId) => $"{serverId}:{action}:{requestId}";
}

/// <summary>External event names of the server workflows.</summary>
public static class ComputeEvents
{
    /// <summary>Raised on a building server's boot workflow by a delete: the boot tears down instead of finishing.</summary>
    public const string DeleteRequested = "delete-requested";

    /// <summary>
    /// nova's <c>network-vif-plugged</c>: raised on the server's running workflow (its <c>Operation</c>) with the port id
    /// as payload when the node's network agent has wired the port and the port went ACTIVE.
    /// </summary>
    public const string VifPlugged = "network-vif-plugged";

    /// <summary>The event an agent's result for a command of <paramref name="kind"/> is raised as.</summary>
    public static string AgentResult(string kind) => $"agent-result:{kind}";
}

/// <summary>The payload of <see cref="ComputeEvents.DeleteRequested"/>.</summary>
public sealed record DeleteRequest(string RequestId);

/// <summary>The instance-action event names of each step (nova's names where nova has them).</summary>
public static class ComputeSteps
{
    public const string Schedule = "conductor_schedule_and_build_instances";
    public const string Spawn = "compute__do_build_and_run_instance";
    public const string Terminate = "compute_terminate_instance";
    public const string ClaimResize = "conductor_migrate_server";

    /// <summary>The step of a server action.</summary>
    public static string Of(string action) => action switch
    {
        ServerActions.Reboot or ServerActions.RebootHard => "compute_reboot_instance",
        ServerActions.Stop => "compute_stop_instance",
        ServerActions.Start => "compute_start_instance",
        ServerActions.Pause => "compute_pause_instance",
        ServerActions.Unpause => "compute_unpause_instance",
        ServerActions.Suspend => "compute_suspend_instance",
        ServerActions.Resume => "compute_resume_instance",
        ServerActions.Rebuild => "compute_rebuild_instance",
        ServerActions.Resize => "compute_resize_instance",
        ServerActions.ConfirmResize => "compute_confirm_resize",
        ServerActions.RevertResize => "compute_revert_resize",
        ServerActions.CreateImage => "compute_snapshot_instance",
        ServerActions.Delete => Terminate,
        _ => "compute_" + action,
    };
}

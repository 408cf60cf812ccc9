namespace FuncCloud.Shared.Compute;

/// <summary>What a compute driver reports about one of its instances (nova's <c>InstanceInfo</c>).</summary>
/// <param name="ServerId">The Nova server id.</param>
/// <param name="PowerState">The actual power state on the hypervisor.</param>
/// <param name="Flavor">The sizes the instance has now.</param>
/// <param name="PreviousFlavor">
/// The sizes before a resize that still awaits confirm or revert; null when no resize is pending.
/// </param>
public sealed record InstanceInfo(string ServerId, PowerState PowerState, FlavorSpec Flavor, FlavorSpec? PreviousFlavor = null)
{
    /// <summary>True while a resize waits for confirm or revert (nova's VERIFY_RESIZE on the host).</summary>
    public bool ResizePending => PreviousFlavor is not null;
}

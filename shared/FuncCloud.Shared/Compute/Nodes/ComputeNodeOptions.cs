namespace FuncCloud.Shared.Compute.Nodes;

/// <summary>Node liveness, bound from <c>FuncCloud:Compute:Nodes</c>.</summary>
public sealed class ComputeNodeOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "FuncCloud:Compute:Nodes";

    /// <summary>
    /// A node whose last heartbeat is older than this is down (nova's service_down_time). The default is
    /// three agent heartbeat intervals (30 s each) and change.
    /// </summary>
    public TimeSpan DownAfter { get; set; } = TimeSpan.FromSeconds(100);
}

namespace FuncCloud.Durable.Compute.Scheduling;

/// <summary>The filter scheduler's settings, bound from <c>FuncCloud:Compute:Scheduler</c>.</summary>
public sealed class SchedulerOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "FuncCloud:Compute:Scheduler";

    /// <summary>nova's ram_weight_multiplier: positive spreads by free RAM, negative stacks.</summary>
    public double RamWeightMultiplier { get; set; } = 1.0;

    /// <summary>nova's cpu_weight_multiplier.</summary>
    public double CpuWeightMultiplier { get; set; } = 1.0;

    /// <summary>nova's disk_weight_multiplier.</summary>
    public double DiskWeightMultiplier { get; set; } = 1.0;

    /// <summary>
    /// nova's host_subset_size: the first claim goes to a random host among the best this many, so that
    /// concurrent boots do not all race for the same node.
    /// </summary>
    public int HostSubsetSize { get; set; } = 1;

    /// <summary>How many weighed candidates a boot tries to claim before giving up.</summary>
    public int MaxClaimAttempts { get; set; } = 10;

    /// <summary>
    /// How often the host state cache drops everything and reads every node, beat and usage row again (between
    /// those, each pass reads only rows written since the last one). Catches deleted rows.
    /// </summary>
    public TimeSpan HostStateFullRefresh { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How far each incremental read of the host state cache reaches back before the newest write it saw, so
    /// that a write committed slightly out of Timestamp order is still read.
    /// </summary>
    public TimeSpan HostStateRefreshOverlap { get; set; } = TimeSpan.FromMilliseconds(500);
}

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
}

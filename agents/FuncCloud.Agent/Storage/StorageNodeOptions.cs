using FuncCloud.Agent.Storage.File;

namespace FuncCloud.Agent.Storage;

/// <summary>The storage role's settings, bound from <c>FuncCloud:Agent:Storage</c>.</summary>
public sealed class StorageNodeOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "FuncCloud:Agent:Storage";

    /// <summary>The pool's size in GB as the node reports it (both drivers).</summary>
    public long CapacityGb { get; set; } = 1000;

    /// <summary>cinder's <c>reserved_percentage</c>.</summary>
    public int ReservedPercentage { get; set; }

    /// <summary>cinder's <c>max_over_subscription_ratio</c> (applies to thin pools; 1.0 never over-commits).</summary>
    public double MaxOverSubscriptionRatio { get; set; } = 1.0;

    /// <summary>The File driver's settings; a relative folder lives under <c>&lt;StateFolder&gt;/&lt;node&gt;/</c>.</summary>
    public FileVolumeOptions File { get; set; } = new();
}

namespace FuncCloud.Shared.Volume.Quotas;

/// <summary>Default per-project quotas, bound from <c>FuncCloud:Volume:Quotas</c> (cinder's defaults; -1 is unlimited).</summary>
public sealed class VolumeQuotaOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "FuncCloud:Volume:Quotas";

    public int Volumes { get; set; } = 10;
    public int Gigabytes { get; set; } = 1000;
    public int Snapshots { get; set; } = 10;
    public int Backups { get; set; } = 10;
    public int BackupGigabytes { get; set; } = 1000;
    public int PerVolumeGigabytes { get; set; } = -1;
    public int Groups { get; set; } = 10;
}

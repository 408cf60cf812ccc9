namespace FuncCloud.Shared.Volume.Quotas;

/// <summary>The quota resource names of cinder's <c>os-quota-sets</c>.</summary>
public static class VolumeQuotaResources
{
    public const string Volumes = "volumes";
    public const string Gigabytes = "gigabytes";
    public const string Snapshots = "snapshots";
    public const string Backups = "backups";
    public const string BackupGigabytes = "backup_gigabytes";
    public const string PerVolumeGigabytes = "per_volume_gigabytes";
    public const string Groups = "groups";

    /// <summary>Every resource, in the order cinder lists them.</summary>
    public static readonly IReadOnlyList<string> All = [Volumes, Snapshots, Gigabytes, Backups, BackupGigabytes, PerVolumeGigabytes, Groups];

    /// <summary>The defaults of <paramref name="options"/> by resource name.</summary>
    public static IReadOnlyDictionary<string, int> Defaults(VolumeQuotaOptions options) => new Dictionary<string, int>
    {
        [Volumes] = options.Volumes,
        [Snapshots] = options.Snapshots,
        [Gigabytes] = options.Gigabytes,
        [Backups] = options.Backups,
        [BackupGigabytes] = options.BackupGigabytes,
        [PerVolumeGigabytes] = options.PerVolumeGigabytes,
        [Groups] = options.Groups,
    };
}

/// <summary>A project's usage counters (PartitionKey <c>usage</c>, RowKey the project), changed with the resources.</summary>
public sealed record VolumeUsage(int Volumes, int Gigabytes, int Snapshots, int Backups, int BackupGigabytes)
{
    /// <summary>No usage.</summary>
    public static readonly VolumeUsage None = new(0, 0, 0, 0, 0);

    /// <summary>The counter of <paramref name="resource"/> (0 for limits that are not counters).</summary>
    public int Of(string resource) => resource switch
    {
        VolumeQuotaResources.Volumes => Volumes,
        VolumeQuotaResources.Gigabytes => Gigabytes,
        VolumeQuotaResources.Snapshots => Snapshots,
        VolumeQuotaResources.Backups => Backups,
        VolumeQuotaResources.BackupGigabytes => BackupGigabytes,
        _ => 0,
    };

    /// <summary>This usage plus <paramref name="delta"/> (never below zero).</summary>
    public VolumeUsage Add(VolumeUsage delta) => new(
        Math.Max(0, Volumes + delta.Volumes), Math.Max(0, Gigabytes + delta.Gigabytes), Math.Max(0, Snapshots + delta.Snapshots),
        Math.Max(0, Backups + delta.Backups), Math.Max(0, BackupGigabytes + delta.BackupGigabytes));

    /// <summary>The negation of this usage (for releases).</summary>
    public VolumeUsage Negate() => new(-Volumes, -Gigabytes, -Snapshots, -Backups, -BackupGigabytes);
}

/// <summary>A project's quota overrides (only the resources an admin set).</summary>
public sealed record VolumeQuotaOverrides(IReadOnlyDictionary<string, int> Limits);

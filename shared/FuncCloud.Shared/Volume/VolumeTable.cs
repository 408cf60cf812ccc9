using Azure.Data.Tables;
using FuncCloud.Shared.OpenStack;
using FuncCloud.Shared.Storage;

namespace FuncCloud.Shared.Volume;

/// <summary>
/// The block storage table: volumes, snapshots and messages partitioned by project, an id → project index
/// (admins address any volume by id), volume types, quotas, usage counters and storage pools by kind.
/// </summary>
public sealed class VolumeTable(TableServiceClient service, StorageNames names)
{
    /// <summary>The logical table name.</summary>
    public const string LogicalName = "Volumes";

    /// <summary>How the stores retry a lost compare-and-swap.</summary>
    public static readonly CasRetry Retry = new(50, attempt => Random.Shared.Next(5, 20 + (attempt * 10)));

    /// <summary>The documents.</summary>
    public DocumentTable Documents { get; } = new(service, names, LogicalName, OpenStackJson.Storage);

    /// <summary>The partition of <paramref name="projectId"/>'s volumes.</summary>
    public static string Volumes(string projectId) => "vol-" + projectId;

    /// <summary>The partition of <paramref name="projectId"/>'s snapshots.</summary>
    public static string Snapshots(string projectId) => "snap-" + projectId;

    /// <summary>The partition of <paramref name="projectId"/>'s backups.</summary>
    public static string Backups(string projectId) => "backup-" + projectId;

    /// <summary>The partition of <paramref name="projectId"/>'s user messages.</summary>
    public static string Messages(string projectId) => "msg-" + projectId;

    /// <summary>The id → project index of volumes and snapshots.</summary>
    public const string Index = "index";

    /// <summary>Volume types.</summary>
    public const string Types = "types";

    /// <summary>Per-project quota limits (only the ones set).</summary>
    public const string Quotas = "quotas";

    /// <summary>Per-project usage counters.</summary>
    public const string Usage = "usage";

    /// <summary>Storage pools.</summary>
    public const string Pools = "pools";

    /// <summary>The attachment id → volume index (the attachments live in their volume's document).</summary>
    public const string Attachments = "attachments";
}

/// <summary>Where a volume or snapshot id lives.</summary>
public sealed record VolumeIndexEntry(string ProjectId, string Kind);

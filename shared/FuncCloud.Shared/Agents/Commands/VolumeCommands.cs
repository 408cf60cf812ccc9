namespace FuncCloud.Shared.Agents.Commands;

// Storage-node commands. IAgentCommandPayload.ServerId is the agent's serialisation key: for these it is the
// volume (or snapshot) the command acts on, so commands for one volume run one at a time.

/// <summary>
/// Create a volume on the storage node: empty, from a snapshot, a clone of a volume, or from a Glance image
/// (the node downloads it through its image cache and converts it). Idempotent: a volume that exists with the
/// size is success; a failed create leaves nothing on the node.
/// </summary>
/// <param name="VolumeId">The volume.</param>
/// <param name="SizeGb">Its size.</param>
/// <param name="Format"><c>qcow2</c> or <c>raw</c> (from the volume type).</param>
/// <param name="SnapshotId">Create from this snapshot (on the same node).</param>
/// <param name="SourceVolumeId">Clone this volume (on the same node).</param>
/// <param name="ImageId">Create from this image.</param>
/// <param name="ImageDiskFormat">The image's <c>disk_format</c>.</param>
public sealed record CreateVolumeCommand(string VolumeId, int SizeGb, string Format, string? SnapshotId, string? SourceVolumeId, string? ImageId, string? ImageDiskFormat) : IAgentCommandPayload
{
    public static string Kind => AgentCommandKinds.CreateVolume;

    public string ServerId => VolumeId;
}

/// <summary>Delete a volume, its export and (cascade) the listed snapshots; missing ones are success.</summary>
public sealed record DeleteVolumeCommand(string VolumeId, IReadOnlyList<string> SnapshotIds) : IAgentCommandPayload
{
    public static string Kind => AgentCommandKinds.DeleteVolume;

    public string ServerId => VolumeId;
}

/// <summary>Grow a volume to <paramref name="NewSizeGb"/>.</summary>
public sealed record ExtendVolumeCommand(string VolumeId, int NewSizeGb) : IAgentCommandPayload
{
    public static string Kind => AgentCommandKinds.ExtendVolume;

    public string ServerId => VolumeId;
}

/// <summary>Snapshot a volume (independent of it: volumes and snapshots delete in any order).</summary>
public sealed record CreateVolumeSnapshotCommand(string SnapshotId, string VolumeId) : IAgentCommandPayload
{
    public static string Kind => AgentCommandKinds.CreateVolumeSnapshot;

    public string ServerId => VolumeId;
}

/// <summary>Delete a snapshot; missing is success.</summary>
public sealed record DeleteVolumeSnapshotCommand(string SnapshotId) : IAgentCommandPayload
{
    public static string Kind => AgentCommandKinds.DeleteVolumeSnapshot;

    public string ServerId => SnapshotId;
}

/// <summary>Export a volume to the compute node <paramref name="ConnectorHost"/> (a local path when it is this node).</summary>
public sealed record ExportVolumeCommand(string VolumeId, string ConnectorHost) : IAgentCommandPayload
{
    public static string Kind => AgentCommandKinds.ExportVolume;

    public string ServerId => VolumeId;
}

/// <summary>Remove a volume's export; none is success.</summary>
public sealed record UnexportVolumeCommand(string VolumeId) : IAgentCommandPayload
{
    public static string Kind => AgentCommandKinds.UnexportVolume;

    public string ServerId => VolumeId;
}

/// <summary>The output of the volume and snapshot commands: the volume's size on the backend (0 after a delete).</summary>
public sealed record VolumeCommandOutput(string Id, long SizeBytes);

/// <summary>
/// The output of <see cref="ExportVolumeCommand"/>: cinder's connection info — <c>file</c> (a local path) or
/// <c>iscsi</c> (portal, IQN, LUN) — and the disk format the hypervisor must use.
/// </summary>
public sealed record VolumeConnectionInfo(string DriverVolumeType, string? Path, string? TargetPortal, string? TargetIqn, int? TargetLun, string Format);

/// <summary>
/// Back a volume (or one of its snapshots) up into the backup blob container: the node streams its bytes as raw,
/// chunk by chunk, into block blobs under <paramref name="BlobPrefix"/> (never the whole volume in memory).
/// Redelivery rewrites the same blobs.
/// </summary>
/// <param name="BackupId">The backup.</param>
/// <param name="VolumeId">The volume backed up.</param>
/// <param name="SnapshotId">Back this snapshot of the volume up instead of the volume itself.</param>
/// <param name="BlobPrefix">Where the backup's blobs go (<c>{container}/{backup id}/</c>).</param>
public sealed record BackupVolumeCommand(string BackupId, string VolumeId, string? SnapshotId, string BlobPrefix) : IAgentCommandPayload
{
    public static string Kind => AgentCommandKinds.BackupVolume;

    public string ServerId => VolumeId;
}

/// <summary>Overwrite a volume with a backup's bytes streamed from its blobs (the volume is at least the backup's size).</summary>
public sealed record RestoreVolumeBackupCommand(string BackupId, string VolumeId, string BlobPrefix) : IAgentCommandPayload
{
    public static string Kind => AgentCommandKinds.RestoreVolumeBackup;

    public string ServerId => VolumeId;
}

/// <summary>The output of <see cref="BackupVolumeCommand"/>: the bytes read, the blobs written (chunks + manifest) and the bytes stored.</summary>
public sealed record VolumeBackupOutput(string BackupId, long SizeBytes, int ObjectCount, long StoredBytes);

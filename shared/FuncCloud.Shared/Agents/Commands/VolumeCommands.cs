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

using FuncCloud.Durable.Volume.Workflows;
using FuncCloud.Shared.Volume.Volumes;

namespace FuncCloud.Durable.Volume.Attachments;

/// <summary>
/// One volume entry of a validated <c>block_device_mapping_v2</c>, as the API planned it: an existing volume, or a new
/// one (from an image, a snapshot or blank) whose record and create input the API built without writing anything.
/// The boot workflow gives a new volume its id, reserves its quota, writes it and runs its create workflow.
/// </summary>
/// <param name="BootIndex">0 for the root disk; -1 (none) for a data volume.</param>
/// <param name="DeleteOnTermination">Whether deleting the server deletes the volume.</param>
/// <param name="ProjectId">The volume's project (the existing volume's, or the server's for a new one).</param>
/// <param name="ExistingVolumeId">The user's volume (<c>source_type=volume</c>), or null.</param>
/// <param name="NewVolume">The record template of a volume to create (its id is replaced), or null.</param>
/// <param name="Create">The create workflow's input template (its volume id is replaced), or null.</param>
public sealed record BootVolumePlan(int BootIndex, bool DeleteOnTermination, string ProjectId, string? ExistingVolumeId, VolumeRecord? NewVolume, CreateVolumeInput? Create);

/// <summary>A volume the boot holds: whether the boot created it, and the device it gets.</summary>
public sealed record BootVolume(string VolumeId, string ProjectId, bool Created, bool Boot, bool DeleteOnTermination);

/// <summary>Input of <see cref="ReserveBootAttachments"/>: the volumes, in device order, and the server's node.</summary>
public sealed record ReserveBootAttachmentsInput(string ServerId, string ComputeNode, IReadOnlyList<BootVolume> Volumes, IReadOnlyList<string> AttachmentIds, DateTimeOffset At);

/// <summary>The reserved attachments (one per volume, in order), or why the volumes could not be reserved.</summary>
public sealed record BootAttachmentsOutcome(IReadOnlyList<VolumeAttachmentInput> Attachments, string? Error);

/// <summary>The status of a volume the boot created once its create workflow ended, and the user message if it failed.</summary>
public sealed record BootVolumeState(string? Status, string? Message);

/// <summary>Input of <see cref="BeginVolumeDelete"/>.</summary>
public sealed record BeginVolumeDeleteInput(string VolumeId, string ProjectId, DateTimeOffset At);

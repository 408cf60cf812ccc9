namespace FuncCloud.Agent.Storage;

/// <summary>A storage pool's capacity as the driver measures it (cinder's <c>get_volume_stats</c>).</summary>
public sealed record VolumePoolStats(string PoolName, long TotalCapacityGb, long FreeCapacityGb, long ProvisionedCapacityGb, bool ThinProvisioning);

/// <summary>The on-disk format of a volume (per volume type).</summary>
public enum VolumeFormat
{
    /// <summary>qcow2: thin, the default.</summary>
    Qcow2,

    /// <summary>raw: needed to export over iSCSI (tgt serves a file's bytes as the disk).</summary>
    Raw,
}

/// <summary>How a compute node reaches an exported volume (cinder's connection info).</summary>
/// <param name="DriverVolumeType"><c>file</c> (a local path) or <c>iscsi</c>.</param>
/// <param name="Path">The local path (file).</param>
/// <param name="TargetPortal">The iSCSI portal, <c>127.0.0.1:3260</c>.</param>
/// <param name="TargetIqn">The iSCSI target name.</param>
/// <param name="TargetLun">The LUN of the volume.</param>
/// <param name="Format">The disk format the hypervisor must use.</param>
public sealed record VolumeConnection(string DriverVolumeType, string? Path, string? TargetPortal, string? TargetIqn, int? TargetLun, string Format);

/// <summary>Where the compute side will attach from: the same node (a local path) or another one (iSCSI).</summary>
public sealed record VolumeConnector(string HostName, bool SameNode);

/// <summary>The driver failed; the message says what failed.</summary>
public class VolumeDriverException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>No such volume or snapshot on this backend.</summary>
public sealed class VolumeNotFoundOnBackendException(string id) : VolumeDriverException($"Volume or snapshot {id} does not exist on this backend.");

/// <summary>
/// A storage backend on one node, modelled on cinder's <c>cinder.volume.driver.VolumeDriver</c>.
/// </summary>
/// <remarks>
/// Contract every implementation keeps (one conformance test class checks every driver):
/// <list type="bullet">
/// <item>Volumes and snapshots are named by their Cinder ids only; paths, target names and LUNs never escape
/// the driver except inside a <see cref="VolumeConnection"/>.</item>
/// <item>Creates either leave a complete volume or nothing: on failure the partial file is removed before
/// the exception propagates. Creating an id that exists with the same size succeeds (a redelivered command).</item>
/// <item>Deletes of something missing succeed; a delete also removes any export of the volume, so nothing is
/// left on disk or in the target after it.</item>
/// <item>Snapshots are independent of their volume (the File driver copies; no backing chains), so volumes
/// and snapshots are deleted in any order.</item>
/// <item>Operations on a missing volume or snapshot throw <see cref="VolumeNotFoundOnBackendException"/>; other
/// failures a <see cref="VolumeDriverException"/>.</item>
/// </list>
/// </remarks>
public interface IVolumeDriver
{
    /// <summary>The driver's name (<c>fake</c>, <c>file</c>).</summary>
    string Name { get; }

    /// <summary>The pool's capacity now.</summary>
    Task<VolumePoolStats> GetStatsAsync(CancellationToken cancellationToken);

    /// <summary>The ids of the volumes on the backend.</summary>
    Task<IReadOnlyList<string>> ListVolumesAsync(CancellationToken cancellationToken);

    /// <summary>The virtual size in bytes of a volume.</summary>
    Task<long> GetVolumeSizeBytesAsync(string volumeId, CancellationToken cancellationToken);

    /// <summary>Creates an empty volume (cinder's <c>create_volume</c>).</summary>
    Task CreateVolumeAsync(string volumeId, int sizeGb, VolumeFormat format, CancellationToken cancellationToken);

    /// <summary>Creates a volume from a snapshot, grown to <paramref name="sizeGb"/> (<c>create_volume_from_snapshot</c>).</summary>
    Task CreateVolumeFromSnapshotAsync(string volumeId, string snapshotId, int sizeGb, VolumeFormat format, CancellationToken cancellationToken);

    /// <summary>Clones a volume, grown to <paramref name="sizeGb"/> (<c>create_cloned_volume</c>).</summary>
    Task CloneVolumeAsync(string volumeId, string sourceVolumeId, int sizeGb, VolumeFormat format, CancellationToken cancellationToken);

    /// <summary>Creates a volume from an image file in <paramref name="imageFormat"/>, converting it (<c>copy_image_to_volume</c>).</summary>
    Task ImportImageAsync(string volumeId, string imagePath, string imageFormat, int sizeGb, VolumeFormat format, CancellationToken cancellationToken);

    /// <summary>Grows a volume (<c>extend_volume</c>).</summary>
    Task ExtendVolumeAsync(string volumeId, int newSizeGb, CancellationToken cancellationToken);

    /// <summary>Deletes a volume and its export; missing volumes succeed (<c>delete_volume</c>).</summary>
    Task DeleteVolumeAsync(string volumeId, CancellationToken cancellationToken);

    /// <summary>Snapshots a volume (<c>create_snapshot</c>).</summary>
    Task CreateSnapshotAsync(string snapshotId, string volumeId, CancellationToken cancellationToken);

    /// <summary>Deletes a snapshot; missing snapshots succeed (<c>delete_snapshot</c>).</summary>
    Task DeleteSnapshotAsync(string snapshotId, CancellationToken cancellationToken);

    /// <summary>Exports a volume to <paramref name="connector"/> (<c>create_export</c> + <c>initialize_connection</c>).</summary>
    Task<VolumeConnection> ExportAsync(string volumeId, VolumeConnector connector, CancellationToken cancellationToken);

    /// <summary>Removes a volume's export; no export succeeds (<c>remove_export</c>).</summary>
    Task UnexportAsync(string volumeId, CancellationToken cancellationToken);

    /// <summary>
    /// Opens a volume's (or, with <paramref name="snapshot"/>, a snapshot's) bytes as raw, to be read once from start
    /// to end — what cinder's <c>backup_volume</c> reads. Disposing the stream removes any temporary copy.
    /// </summary>
    Task<Stream> OpenRawAsync(string id, bool snapshot, CancellationToken cancellationToken);

    /// <summary>
    /// Overwrites a volume with raw bytes (cinder's <c>restore_backup</c>): <paramref name="write"/> gets a seekable
    /// stream as long as the volume whose unwritten ranges read as zeros; the volume is replaced only when
    /// <paramref name="write"/> completes, so a failed restore leaves the old contents.
    /// </summary>
    Task RestoreRawAsync(string volumeId, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken);
}

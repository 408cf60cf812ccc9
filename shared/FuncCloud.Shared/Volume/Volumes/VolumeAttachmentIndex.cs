using FuncCloud.Shared.Storage;

namespace FuncCloud.Shared.Volume.Volumes;

/// <summary>Where an attachment lives: its volume and the volume's project.</summary>
public sealed record VolumeAttachmentIndexEntry(string ProjectId, string VolumeId);

/// <summary>
/// The attachment id → volume index (<see cref="VolumeTable.Attachments"/>). The attachment itself lives in its
/// volume's document; this row only finds it. Written before the volume gains the attachment and removed after it
/// loses it, so a lookup never misses a live attachment (a row without one reads as not found).
/// </summary>
public sealed class VolumeAttachmentIndex(VolumeTable table)
{
    /// <summary>Records that <paramref name="attachmentId"/> belongs to <paramref name="volumeId"/> of <paramref name="projectId"/>.</summary>
    public Task AddAsync(string attachmentId, string projectId, string volumeId, CancellationToken cancellationToken) =>
        table.Documents.UpsertAsync<VolumeAttachmentIndexEntry>(VolumeTable.Attachments, attachmentId, _ => new VolumeAttachmentIndexEntry(projectId, volumeId), VolumeTable.Retry, cancellationToken);

    /// <summary>Where <paramref name="attachmentId"/> lives, or null.</summary>
    public async Task<VolumeAttachmentIndexEntry?> FindAsync(string attachmentId, CancellationToken cancellationToken) =>
        (await table.Documents.GetAsync<VolumeAttachmentIndexEntry>(VolumeTable.Attachments, attachmentId, cancellationToken))?.Value;

    /// <summary>Forgets <paramref name="attachmentId"/> (missing is fine).</summary>
    public Task RemoveAsync(string attachmentId, CancellationToken cancellationToken) =>
        table.Documents.DeleteAsync(VolumeTable.Attachments, attachmentId, null, cancellationToken);
}

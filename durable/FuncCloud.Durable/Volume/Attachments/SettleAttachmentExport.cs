using FuncCloud.Shared.Volume.Volumes;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Durable.Volume.Attachments;

/// <summary>
/// Records an export on its attachment: the connection info, the connector's host and mountpoint, the mode, status
/// <c>attaching</c> (an attachment already <c>attached</c> stays so), and a <c>reserved</c> volume becomes
/// <c>attaching</c>. Returns null, or why the attachment can no longer take it.
/// </summary>
public sealed class SettleAttachmentExport(VolumeRepository volumes)
{
    [Function(nameof(SettleAttachmentExport))]
    public async Task<string?> RunAsync([ActivityTrigger] SettleAttachmentExportInput input, CancellationToken cancellationToken)
    {
        var a = input.Attachment;
        string? error = null;
        var updated = await volumes.UpdateAsync(a.ProjectId, a.VolumeId, v =>
        {
            if (v.Attachments.FirstOrDefault(x => x.Id == a.AttachmentId) is not { } mine)
            {
                error = $"attachment {a.AttachmentId} of volume {a.VolumeId} was deleted while its export was made";
                return v;
            }

            error = null;
            var changed = mine with
            {
                HostName = a.ConnectorHost,
                Device = a.Mountpoint ?? mine.Device,
                AttachMode = a.Mode,
                ConnectionInfo = input.Connection,
                AttachStatus = mine.AttachStatus == AttachmentStatus.Attached ? AttachmentStatus.Attached : AttachmentStatus.Attaching,
            };
            return v with
            {
                Attachments = [.. v.Attachments.Select(x => x.Id == a.AttachmentId ? changed : x)],
                Status = v.Status == VolumeStatus.Reserved ? VolumeStatus.Attaching : v.Status,
                UpdatedAt = input.At,
            };
        }, cancellationToken);
        return updated is null ? $"volume {a.VolumeId} was deleted while its export was made" : error;
    }
}

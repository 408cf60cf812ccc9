using FuncCloud.Shared.Compute.Servers;
using FuncCloud.Shared.Volume.Volumes;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Durable.Volume.Attachments;

/// <summary>
/// Ends an attach or detach on both sides: the volume's status and attachment list (cinder) and the server's
/// volume list (nova's BDMs). Attach succeeded → in-use with the attachment, the server's entry marked attached;
/// attach failed → available again and the reserved device freed; detach succeeded → available without the
/// attachment and the server's entry gone; detach failed → in-use again (cinder's roll_detaching).
/// Compare-and-swaps that only apply from the step's status, so a retry is harmless.
/// </summary>
public sealed class SettleAttachment(VolumeRepository volumes, ServerRepository servers, VolumeAttachmentIndex index)
{
    [Function(nameof(SettleAttachment))]
    public async Task RunAsync([ActivityTrigger] SettleAttachmentInput input, CancellationToken cancellationToken)
    {
        var a = input.Attachment;
        var (from, to) = (input.Attach, input.Succeeded) switch
        {
            (true, true) => (VolumeStatus.Attaching, VolumeStatus.InUse),
            (true, false) => (VolumeStatus.Attaching, VolumeStatus.Available),
            (false, true) => (VolumeStatus.Detaching, VolumeStatus.Available),
            (false, false) => (VolumeStatus.Detaching, VolumeStatus.InUse),
        };
        // The server first: the volume's status is what callers wait on, so when it changes the server already agrees.
        await servers.UpdateAsync(a.ServerId, s =>
        {
            var keep = s.VolumeAttachments.Where(x => x.VolumeId != a.VolumeId).ToList();
            var mine = s.VolumeAttachments.FirstOrDefault(x => x.VolumeId == a.VolumeId);
            return to == VolumeStatus.InUse && mine is not null
                ? s with { VolumeAttachments = [.. keep, mine with { Attached = true }] }
                : to == VolumeStatus.Available ? s with { VolumeAttachments = keep } : s;
        }, cancellationToken);

        // The attachment record (created by the API when it reserved the volume) is the one cinder's attachments API shows.
        var removed = new List<string>();
        await volumes.UpdateAsync(a.VolumeProjectId, a.VolumeId, v =>
        {
            removed.Clear();
            if (v.Status != from)
            {
                return v;
            }

            var others = v.Attachments.Where(x => x.ServerId != a.ServerId).ToList();
            var mine = v.Attachments.FirstOrDefault(x => x.ServerId == a.ServerId)
                ?? new VolumeAttachmentRecord(a.AttachmentId, a.ServerId, a.ComputeNode, a.Device, AttachmentStatus.Attaching, null, "rw");
            if (to == VolumeStatus.InUse)
            {
                var attachedAt = mine.AttachedAt ?? input.At;
                return v with
                {
                    Status = to,
                    Attachments = [.. others, mine with { AttachStatus = AttachmentStatus.Attached, AttachedAt = attachedAt, HostName = a.ComputeNode, Device = a.Device, AttachMode = mine.AttachMode is null or "null" ? "rw" : mine.AttachMode }],
                    UpdatedAt = input.At,
                };
            }

            removed.AddRange(v.Attachments.Where(x => x.ServerId == a.ServerId).Select(x => x.Id));
            return v with { Status = to, Attachments = others, UpdatedAt = input.At };
        }, cancellationToken);
        foreach (var id in removed)
        {
            await index.RemoveAsync(id, cancellationToken);
        }
    }
}

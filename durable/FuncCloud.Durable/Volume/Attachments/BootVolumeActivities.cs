using FuncCloud.Shared.Compute.Servers;
using FuncCloud.Shared.Volume.Api;
using FuncCloud.Shared.Volume.Messages;
using FuncCloud.Shared.Volume.Pools;
using FuncCloud.Shared.Volume.Quotas;
using FuncCloud.Shared.Volume.Volumes;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Durable.Volume.Attachments;

/// <summary>
/// A boot from volume's new volume: reserves the project's volume quota (as <c>POST /volumes</c> does) and writes the
/// record in <c>creating</c>. Returns null when written (or already written by an earlier attempt), else cinder's
/// over-quota message and nothing is written.
/// </summary>
public sealed class ReserveBootVolume(VolumeRepository volumes, VolumeQuotaService quotas)
{
    [Function(nameof(ReserveBootVolume))]
    public async Task<string?> RunAsync([ActivityTrigger] VolumeRecord volume, CancellationToken cancellationToken)
    {
        if (await volumes.GetAsync(volume.ProjectId, volume.Id, cancellationToken) is not null)
        {
            return null;
        }

        try
        {
            await quotas.ReserveAsync(volume.ProjectId, new VolumeUsage(1, volume.Size, 0, 0, 0), cancellationToken);
        }
        catch (VolumeOverLimitException e)
        {
            return e.Message;
        }

        await volumes.InsertAsync(volume, cancellationToken);
        return null;
    }
}

/// <summary>A volume's status after its create workflow ended, with the newest user message about it (why it failed).</summary>
public sealed class ReadBootVolume(VolumeRepository volumes, VolumeMessageRepository messages)
{
    [Function(nameof(ReadBootVolume))]
    public async Task<BootVolumeState> RunAsync([ActivityTrigger] BeginVolumeDeleteInput input, CancellationToken cancellationToken)
    {
        var volume = await volumes.GetAsync(input.ProjectId, input.VolumeId, cancellationToken);
        var message = volume?.Status == VolumeStatus.Available ? null
            : (await messages.ListAsync(input.ProjectId, cancellationToken)).Where(m => m.ResourceId == input.VolumeId).OrderByDescending(m => m.CreatedAt).FirstOrDefault()?.UserMessage;
        return new BootVolumeState(volume?.Status, message);
    }
}

/// <summary>
/// Reserves the boot's volumes for the server as nova's attach does: each volume <c>available → attaching</c> with an
/// attachment record (compare-and-swap), the root volume at <c>/dev/vda</c> and the others at the next free
/// <c>/dev/vdX</c>, and the server's volume list. Stops at the first volume that is no longer available; what was
/// reserved before it is returned so the workflow can give it back.
/// </summary>
public sealed class ReserveBootAttachments(VolumeRepository volumes, ServerRepository servers, VolumeAttachmentIndex index)
{
    [Function(nameof(ReserveBootAttachments))]
    public async Task<BootAttachmentsOutcome> RunAsync([ActivityTrigger] ReserveBootAttachmentsInput input, CancellationToken cancellationToken)
    {
        var reserved = new List<VolumeAttachmentInput>();
        var entries = new List<ServerVolumeAttachment>();
        string? error = null;
        var next = 'b';
        for (var i = 0; i < input.Volumes.Count; i++)
        {
            var boot = input.Volumes[i];
            var device = boot.Boot ? "/dev/vda" : $"/dev/vd{next++}";
            var attachmentId = input.AttachmentIds[i];
            var volume = await volumes.GetAsync(boot.ProjectId, boot.VolumeId, cancellationToken);
            if (volume?.Host is not { } pool)
            {
                error = $"Invalid volume: volume '{boot.VolumeId}' could not be found or is on no storage node.";
                break;
            }

            await index.AddAsync(attachmentId, volume.ProjectId, volume.Id, cancellationToken);
            var ok = false;
            var status = volume.Status;
            await volumes.UpdateAsync(volume.ProjectId, volume.Id, v =>
            {
                status = v.Status;
                ok = v.Attachments.Any(a => a.Id == attachmentId) || v.Status == VolumeStatus.Available;
                if (!ok || v.Attachments.Any(a => a.Id == attachmentId))
                {
                    return v;
                }

                var record = new VolumeAttachmentRecord(attachmentId, input.ServerId, input.ComputeNode, device, AttachmentStatus.Attaching, null, "rw");
                return v with { Status = VolumeStatus.Attaching, Attachments = [.. v.Attachments, record], UpdatedAt = input.At };
            }, cancellationToken);
            if (!ok)
            {
                await index.RemoveAsync(attachmentId, cancellationToken);
                error = $"Invalid volume: volume '{volume.Id}' status must be 'available'. Currently in '{status}'";
                break;
            }

            reserved.Add(new VolumeAttachmentInput(input.ServerId, volume.Id, volume.ProjectId, device, input.ComputeNode, StoragePoolRecord.NodeOfPool(pool), attachmentId));
            entries.Add(new ServerVolumeAttachment(volume.Id, device, boot.DeleteOnTermination, false));
        }

        await servers.UpdateAsync(input.ServerId, s => s with
        {
            VolumeAttachments = [.. s.VolumeAttachments.Where(a => entries.All(e => e.VolumeId != a.VolumeId)), .. entries],
        }, cancellationToken);
        return new BootAttachmentsOutcome(reserved, error);
    }
}

/// <summary>Moves a volume the boot (or a server's delete_on_termination) deletes to <c>deleting</c>; false when it is not deletable now.</summary>
public sealed class BeginVolumeDelete(VolumeRepository volumes)
{
    [Function(nameof(BeginVolumeDelete))]
    public async Task<bool> RunAsync([ActivityTrigger] BeginVolumeDeleteInput input, CancellationToken cancellationToken)
    {
        var started = false;
        await volumes.UpdateAsync(input.ProjectId, input.VolumeId, v =>
        {
            started = v.Status == VolumeStatus.Deleting || (v.Attachments.Count == 0 && VolumeTransitions.Allows(VolumeOperation.Delete, v.Status));
            return started && v.Status != VolumeStatus.Deleting
                ? v with { Status = VolumeStatus.Deleting, UpdatedAt = input.At }
                : v;
        }, cancellationToken);
        return started;
    }
}

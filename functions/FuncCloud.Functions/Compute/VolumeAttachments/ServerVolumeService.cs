using System.Text.Json.Nodes;
using FuncCloud.Durable.Volume.Attachments;
using FuncCloud.Functions.Compute.Servers.Services;
using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.Compute.Servers;
using FuncCloud.Shared.OpenStack;
using FuncCloud.Shared.OpenStack.Errors;
using FuncCloud.Shared.Volume.Pools;
using FuncCloud.Shared.Volume.Volumes;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace FuncCloud.Functions.Compute.VolumeAttachments;

/// <summary>
/// Nova's <c>os-volume_attachments</c>: the server's attached volumes, attach (reserve the volume and a device,
/// then the durable attach workflow: export → hot-plug → in-use) and detach (detaching, then the detach workflow).
/// The volume must be visible to the caller (its project), as nova asks cinder with the user's token.
/// </summary>
public sealed class ServerVolumeService(ServerQueries queries, ServerRepository servers, VolumeRepository volumes, VolumeAttachmentIndex index, TimeProvider clock)
{
    private static readonly string[] AttachableVmStates = [VmStates.Active, VmStates.Paused, VmStates.Stopped, VmStates.Suspended];

    /// <summary>The server's attachments (reserved ones included, as nova lists its BDMs).</summary>
    public async Task<(ServerRecord Server, IReadOnlyList<ServerVolumeAttachment> Attachments)> ListAsync(ComputeCall call, string serverId, CancellationToken cancellationToken)
    {
        var server = await queries.GetAsync(call, serverId, ServerPolicies.VolumeAttachmentsIndex, cancellationToken);
        return (server, server.VolumeAttachments);
    }

    /// <summary>One attachment; 404 when the volume is not attached to the server.</summary>
    public async Task<ServerVolumeAttachment> GetAsync(ComputeCall call, string serverId, string volumeId, CancellationToken cancellationToken)
    {
        var server = await queries.GetAsync(call, serverId, ServerPolicies.VolumeAttachmentsShow, cancellationToken);
        return server.VolumeAttachments.FirstOrDefault(a => a.VolumeId == volumeId) ?? throw new VolumeAttachmentNotFoundException(volumeId, serverId);
    }

    /// <summary>Reserves the volume and a device and starts the attach workflow.</summary>
    public async Task<ServerVolumeAttachment> AttachAsync(ComputeCall call, string serverId, JsonObject body, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var request = body.RequireObject("volumeAttachment");
        var volumeId = request.RequireString("volumeId", 36);
        var requestedDevice = request.OptionalString("device", 255);
        var deleteOnTermination = call.Version.IsAtLeast(2, 79) && request.OptionalBoolean("delete_on_termination") == true;
        var server = await queries.GetAsync(call, serverId, ServerPolicies.VolumeAttachmentsCreate, cancellationToken);
        if (!AttachableVmStates.Contains(server.VmState) || server.TaskState is not null || server.Host is not { } computeNode)
        {
            throw new ServerStateConflictException(serverId, "attach_volume", "vm_state", server.VmState);
        }

        var volume = await volumes.FindAsync(volumeId, cancellationToken);
        if (volume is null || (volume.ProjectId != server.ProjectId && !call.Caller.IsAdmin))
        {
            throw new VolumeForAttachNotFoundException(volumeId);
        }

        if (server.VolumeAttachments.Any(a => a.VolumeId == volumeId))
        {
            throw new ConflictException($"Volume {volumeId} is already attached to instance {serverId}.");
        }

        if (volume.Status != VolumeStatus.Available || volume.Host is not { } pool)
        {
            throw new BadRequestException($"Invalid volume: volume {volumeId} status must be available to attach, but current status is: {volume.Status}.");
        }

        var device = PickDevice(server, requestedDevice);
        var attachment = new ServerVolumeAttachment(volumeId, device, deleteOnTermination, false);
        var reserved = false;

        // Nova's flow against cinder: an attachment record (attaching) for the server, the one cinder's attachments API shows.
        var attachmentId = Guid.NewGuid().ToString();
        await index.AddAsync(attachmentId, volume.ProjectId, volumeId, cancellationToken);
        await volumes.UpdateAsync(volume.ProjectId, volumeId, v =>
        {
            reserved = v.Status == VolumeStatus.Available;
            var record = new VolumeAttachmentRecord(attachmentId, serverId, computeNode, device, AttachmentStatus.Attaching, null, "rw");
            return reserved ? v with { Status = VolumeStatus.Attaching, Attachments = [.. v.Attachments, record], UpdatedAt = clock.GetUtcNow() } : v;
        }, cancellationToken);
        if (!reserved)
        {
            await index.RemoveAsync(attachmentId, cancellationToken);
            throw new BadRequestException($"Invalid volume: volume {volumeId} status must be available to attach.");
        }

        await servers.UpdateAsync(serverId, s => s with { VolumeAttachments = [.. s.VolumeAttachments.Where(a => a.VolumeId != volumeId), attachment] }, cancellationToken);
        var requestId = RequestIds.Get(call.Request.HttpContext);
        await durable.ScheduleNewOrchestrationInstanceAsync(
            nameof(AttachVolumeWorkflow),
            new VolumeAttachmentInput(serverId, volumeId, volume.ProjectId, device, computeNode, StoragePoolRecord.NodeOfPool(pool), attachmentId),
            new StartOrchestrationOptions(AttachmentWorkflowIds.Attach(volumeId, requestId)), cancellationToken);
        return attachment;
    }

    /// <summary>Marks the volume detaching and starts the detach workflow.</summary>
    public async Task DetachAsync(ComputeCall call, string serverId, string volumeId, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var server = await queries.GetAsync(call, serverId, ServerPolicies.VolumeAttachmentsDelete, cancellationToken);
        var attachment = server.VolumeAttachments.FirstOrDefault(a => a.VolumeId == volumeId) ?? throw new VolumeAttachmentNotFoundException(volumeId, serverId);
        if (server.TaskState is not null || server.Host is not { } computeNode)
        {
            throw new ServerStateConflictException(serverId, "detach_volume", "task_state", server.TaskState);
        }

        var volume = await volumes.FindAsync(volumeId, cancellationToken) ?? throw new VolumeForAttachNotFoundException(volumeId);
        var started = false;
        await volumes.UpdateAsync(volume.ProjectId, volumeId, v =>
        {
            started = v.Status == VolumeStatus.InUse && attachment.Attached;
            var marked = v.Attachments.Select(a => a.ServerId == serverId ? a with { AttachStatus = AttachmentStatus.Detaching } : a).ToList();
            return started ? v with { Status = VolumeStatus.Detaching, Attachments = marked, UpdatedAt = clock.GetUtcNow() } : v;
        }, cancellationToken);
        if (!started || volume.Host is not { } pool)
        {
            throw new BadRequestException($"Invalid volume: Invalid input received: Invalid volume: Unable to detach volume. Volume status must be 'in-use' and attach_status must be 'attached' to detach (volume {volumeId} is {volume.Status}).");
        }

        var requestId = RequestIds.Get(call.Request.HttpContext);
        await durable.ScheduleNewOrchestrationInstanceAsync(
            nameof(DetachVolumeWorkflow),
            new VolumeAttachmentInput(serverId, volumeId, volume.ProjectId, attachment.Device, computeNode, StoragePoolRecord.NodeOfPool(pool), volume.Attachments.FirstOrDefault(a => a.ServerId == serverId)?.Id ?? string.Empty),
            new StartOrchestrationOptions(AttachmentWorkflowIds.Detach(volumeId, requestId)), cancellationToken);
    }

    /// <summary>The requested device when free, else the next free <c>/dev/vdX</c> after the root disk <c>/dev/vda</c>.</summary>
    private static string PickDevice(ServerRecord server, string? requested)
    {
        var used = server.VolumeAttachments.Select(a => a.Device).Append("/dev/vda").ToHashSet(StringComparer.Ordinal);
        if (requested is not null && requested.StartsWith("/dev/", StringComparison.Ordinal) && !used.Contains(requested))
        {
            return requested;
        }

        for (var c = 'b'; c <= 'z'; c++)
        {
            if (!used.Contains($"/dev/vd{c}"))
            {
                return $"/dev/vd{c}";
            }
        }

        throw new BadRequestException($"No free device name is left on instance {server.Id}.");
    }
}

/// <summary>404: the volume is not attached to the server (nova's VolumeBDMNotFound).</summary>
public sealed class VolumeAttachmentNotFoundException(string volumeId, string serverId)
    : OpenStackException(404, "Not Found", $"volume_id not found: {volumeId} (not attached to instance {serverId})");

/// <summary>404: no such volume visible to the caller (nova's VolumeNotFound).</summary>
public sealed class VolumeForAttachNotFoundException(string volumeId)
    : OpenStackException(404, "Not Found", $"Volume {volumeId} could not be found.");

using System.Text.Json.Nodes;
using FuncCloud.Durable.Volume.Attachments;
using FuncCloud.Functions.Volume.Services;
using FuncCloud.Shared.OpenStack;
using FuncCloud.Shared.OpenStack.Errors;
using FuncCloud.Shared.Security.Policy;
using FuncCloud.Shared.Volume.Api;
using FuncCloud.Shared.Volume.Pools;
using FuncCloud.Shared.Volume.Volumes;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace FuncCloud.Functions.Volume.Attachments;

/// <summary>A volume and one of its attachments.</summary>
public sealed record FoundAttachment(VolumeRecord Volume, VolumeAttachmentRecord Attachment);

/// <summary>
/// Cinder's attachments API (3.27+). Create reserves the volume (<c>reserved</c>; with a connector it is updated at
/// once), update with a connector has the storage node export the volume and returns the connection info
/// (<c>attaching</c>), <c>os-complete</c> (3.44+) makes it <c>attached</c> and the volume <c>in-use</c>, delete removes
/// it (and the export) and returns the volume to <c>available</c> when no other attachment is left. The attachments
/// are the same records nova's <c>os-volume_attachments</c> and the legacy <c>os-attach</c> keep on the volume.
/// </summary>
public sealed class VolumeAttachmentService(VolumeRepository volumes, VolumeAttachmentIndex index, VolumeAccess access, VolumeQueries queries, PolicyEnforcer policy, TimeProvider clock)
{
    /// <summary>How long an update waits for the storage node's export (its command deadline is 120 s).</summary>
    private static readonly TimeSpan ExportWait = TimeSpan.FromSeconds(150);

    /// <summary>The attachments API needs 3.27 (cinder answers older versions 404).</summary>
    public static void RequireVersion(VolumeCall call, int minor = 27)
    {
        if (!call.Version.IsAtLeast(minor))
        {
            throw new VolumeMethodVersionNotFoundException();
        }
    }

    /// <summary>The attachment <paramref name="id"/> as the caller may see it (another project's is not found).</summary>
    public async Task<FoundAttachment> GetAsync(VolumeCall call, string id, string action, CancellationToken cancellationToken)
    {
        RequireVersion(call);
        var entry = await index.FindAsync(id, cancellationToken);
        if (entry is null || (entry.ProjectId != call.ProjectId && !access.IsAdmin(call)))
        {
            throw new VolumeAttachmentMissingException(id);
        }

        var volume = await volumes.GetAsync(entry.ProjectId, entry.VolumeId, cancellationToken);
        var attachment = volume?.Attachments.FirstOrDefault(a => a.Id == id) ?? throw new VolumeAttachmentMissingException(id);
        policy.Enforce(action, call.Caller, VolumeCall.Target(volume!.ProjectId));
        return new FoundAttachment(volume, attachment);
    }

    /// <summary>The attachments the caller lists, filtered by <c>volume_id</c>, <c>status</c>/<c>attach_status</c>, <c>instance_id</c>.</summary>
    public async Task<IReadOnlyList<FoundAttachment>> ListAsync(VolumeCall call, CancellationToken cancellationToken)
    {
        RequireVersion(call);
        policy.Enforce(VolumePolicies.GetAll, call.Caller, VolumeCall.Target(call.ProjectId));
        var volumeId = call.Query("volume_id");
        var status = call.Query("status") ?? call.Query("attach_status");
        var instance = call.Query("instance_id");
        var list = new List<FoundAttachment>();
        foreach (var project in await queries.ProjectsAsync(call, "volume", cancellationToken))
        {
            foreach (var volume in await volumes.ListAsync(project, cancellationToken))
            {
                list.AddRange(volume.Attachments.Select(a => new FoundAttachment(volume, a)));
            }
        }

        return list.Where(f => volumeId is null || f.Volume.Id == volumeId)
            .Where(f => status is null || f.Attachment.AttachStatus == status)
            .Where(f => instance is null || f.Attachment.ServerId == instance)
            .ToList();
    }

    /// <summary>Reserves the volume with a new attachment; with a connector, updates it at once.</summary>
    public async Task<FoundAttachment> CreateAsync(VolumeCall call, JsonObject body, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        RequireVersion(call);
        var request = body.RequireObject("attachment");
        var volumeId = request.RequireString("volume_uuid", 36);
        var instance = request.OptionalString("instance_uuid", 36);
        var connector = request.OptionalObject("connector") is { Count: > 0 } c ? c : null;
        var mode = call.Version.IsAtLeast(54) ? request.OptionalString("mode", 255) : null;
        if (mode is not (null or "rw" or "ro"))
        {
            throw new BadRequestException($"Invalid input received: Invalid attachment mode '{mode}' for volume {volumeId}.");
        }

        var volume = await access.VolumeAsync(call, volumeId, VolumePolicies.AttachmentCreate, cancellationToken);
        var attachment = new VolumeAttachmentRecord(Guid.NewGuid().ToString(), instance, null, null, AttachmentStatus.Reserved, null, mode ?? "null");
        await index.AddAsync(attachment.Id, volume.ProjectId, volume.Id, cancellationToken);
        try
        {
            volume = (await volumes.UpdateAsync(volume.ProjectId, volume.Id, v =>
            {
                // Not multiattach: only an available volume takes a new attachment (cinder's _attachment_reserve).
                if (v.Status != VolumeStatus.Available || v.Host is null)
                {
                    throw new InvalidVolumeStateException($"Invalid volume: Volume {v.Id} status must be available or downloading to reserve, but the current status is {v.Status}.");
                }

                return v with { Status = VolumeStatus.Reserved, Attachments = [.. v.Attachments, attachment], UpdatedAt = clock.GetUtcNow() };
            }, cancellationToken)) ?? throw VolumeResourceNotFoundException.Volume(volumeId);
        }
        catch
        {
            await index.RemoveAsync(attachment.Id, cancellationToken);
            throw;
        }

        if (connector is null)
        {
            return new FoundAttachment(volume, attachment);
        }

        try
        {
            return await ExportAsync(call, new FoundAttachment(volume, attachment), connector, durable, cancellationToken);
        }
        catch (OpenStackException)
        {
            // cinder removes an attachment whose connection could not be made at create.
            await RemoveAsync(volume, attachment.Id, null, cancellationToken);
            throw;
        }
    }

    /// <summary>Exports the volume to the connector's host and records the connection info (the response carries it).</summary>
    public async Task<FoundAttachment> UpdateAsync(VolumeCall call, string id, JsonObject body, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var connector = body.RequireObject("attachment").OptionalObject("connector") is { Count: > 0 } c
            ? c
            : throw new BadRequestException("Invalid input received: Connector must be specified to update an attachment.");
        var found = await GetAsync(call, id, VolumePolicies.AttachmentUpdate, cancellationToken);
        return await ExportAsync(call, found, connector, durable, cancellationToken);
    }

    /// <summary><c>os-complete</c>: the attachment <c>attached</c>, the volume <c>in-use</c>.</summary>
    public async Task CompleteAsync(VolumeCall call, string id, CancellationToken cancellationToken)
    {
        RequireVersion(call, 44);
        var found = await GetAsync(call, id, VolumePolicies.AttachmentComplete, cancellationToken);
        await volumes.UpdateAsync(found.Volume.ProjectId, found.Volume.Id, v =>
        {
            var mine = v.Attachments.FirstOrDefault(a => a.Id == id) ?? throw new VolumeAttachmentMissingException(id);
            if (mine.ConnectionInfo is null)
            {
                throw new InvalidVolumeStateException($"Invalid volume: attachment {id} has no connection yet: update it with a connector before completing it.");
            }

            var now = clock.GetUtcNow();
            var done = mine with { AttachStatus = AttachmentStatus.Attached, AttachedAt = mine.AttachedAt ?? now };
            return v with { Status = VolumeStatus.InUse, Attachments = [.. v.Attachments.Select(a => a.Id == id ? done : a)], UpdatedAt = now };
        }, cancellationToken);
    }

    /// <summary>Removes the attachment and its export; returns the volume's attachments left.</summary>
    public async Task<FoundAttachment[]> DeleteAsync(VolumeCall call, string id, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var found = await GetAsync(call, id, VolumePolicies.AttachmentDelete, cancellationToken);
        var left = await RemoveAsync(found.Volume, id, durable, cancellationToken);
        return [.. left.Attachments.Select(a => new FoundAttachment(left, a))];
    }

    private async Task<FoundAttachment> ExportAsync(VolumeCall call, FoundAttachment found, JsonObject connector, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var host = connector.OptionalString("host", 255) is { Length: > 0 } h
            ? h
            : throw new BadRequestException("Invalid input received: The connector must name its host (the compute node the volume is exported to).");
        var pool = found.Volume.Host ?? throw new InvalidVolumeStateException($"Invalid volume: Volume {found.Volume.Id} has no storage host yet.");
        var mode = found.Attachment.AttachMode is "rw" or "ro" ? found.Attachment.AttachMode : found.Volume.ReadOnly ? "ro" : "rw";
        var input = new ExportAttachmentInput(found.Attachment.Id, found.Volume.Id, found.Volume.ProjectId, StoragePoolRecord.NodeOfPool(pool), host, connector.OptionalString("mountpoint", 255), mode);
        var instanceId = AttachmentWorkflowIds.Export(found.Attachment.Id, RequestIds.Get(call.Request.HttpContext));
        await WorkflowStarter.StartOnceAsync(durable, nameof(ExportAttachmentWorkflow), input, instanceId, cancellationToken);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(ExportWait);
        OrchestrationMetadata done;
        try
        {
            done = await durable.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, wait.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ConflictException($"Unable to update attachment {found.Attachment.Id}: the storage node did not export volume {found.Volume.Id} within {ExportWait.TotalSeconds} s.");
        }

        var outcome = done.ReadOutputAs<AttachmentExportOutcome>();
        if (outcome is not { Connection: not null })
        {
            throw new BadRequestException($"Unable to update attachment {found.Attachment.Id}: {outcome?.Error ?? "the export workflow failed"}.");
        }

        var volume = await volumes.GetAsync(found.Volume.ProjectId, found.Volume.Id, cancellationToken);
        return volume?.Attachments.FirstOrDefault(a => a.Id == found.Attachment.Id) is { } updated
            ? new FoundAttachment(volume, updated)
            : throw new VolumeAttachmentMissingException(found.Attachment.Id);
    }

    /// <summary>Takes the attachment off its volume (status from what is left), forgets it, and removes its export.</summary>
    private async Task<VolumeRecord> RemoveAsync(VolumeRecord volume, string id, DurableTaskClient? durable, CancellationToken cancellationToken)
    {
        VolumeAttachmentRecord? removed = null;
        var left = await volumes.UpdateAsync(volume.ProjectId, volume.Id, v =>
        {
            removed = v.Attachments.FirstOrDefault(a => a.Id == id);
            if (removed is null)
            {
                return v;
            }

            var rest = v.Attachments.Where(a => a.Id != id).ToList();
            var status = v.Status is VolumeStatus.Reserved or VolumeStatus.Attaching or VolumeStatus.InUse or VolumeStatus.Detaching
                ? rest.Any(a => a.AttachStatus == AttachmentStatus.Attached) ? VolumeStatus.InUse
                    : rest.Count > 0 ? VolumeStatus.Reserved : VolumeStatus.Available
                : v.Status;
            return v with { Status = status, Attachments = rest, UpdatedAt = clock.GetUtcNow() };
        }, cancellationToken) ?? volume with { Attachments = [] };
        await index.RemoveAsync(id, cancellationToken);
        if (removed?.ConnectionInfo is not null && volume.Host is { } pool)
        {
            if (durable is not null)
            {
                await WorkflowStarter.StartOnceAsync(durable, nameof(UnexportAttachmentWorkflow), new UnexportAttachmentInput(volume.Id, StoragePoolRecord.NodeOfPool(pool)), AttachmentWorkflowIds.Unexport(id), cancellationToken);
            }
        }

        return left;
    }
}

/// <summary>404: no such attachment visible to the caller (cinder's VolumeAttachmentNotFound).</summary>
public sealed class VolumeAttachmentMissingException(string id)
    : OpenStackException(StatusCodes.Status404NotFound, "Not Found", $"Volume attachment could not be found with filter: attachment_id = {id}.");

/// <summary>404: the method does not exist at the requested microversion (cinder's VersionNotFoundForAPIMethod).</summary>
public sealed class VolumeMethodVersionNotFoundException()
    : OpenStackException(StatusCodes.Status404NotFound, "Not Found", "The resource could not be found.");

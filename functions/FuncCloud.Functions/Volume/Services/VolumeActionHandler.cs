using System.Text.Json.Nodes;
using FuncCloud.Durable.Volume.Orchestrators;
using FuncCloud.Durable.Volume.Workflows;
using FuncCloud.Shared.OpenStack;
using FuncCloud.Shared.OpenStack.Errors;
using FuncCloud.Shared.Volume.Api;
using FuncCloud.Shared.Volume.Quotas;
using FuncCloud.Shared.Volume.Volumes;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;

namespace FuncCloud.Functions.Volume.Services;

/// <summary><c>POST /volumes/{id}/action</c>: one action per body, each checked against the transition table.</summary>
public sealed class VolumeActionHandler(VolumeRepository volumes, VolumeAccess access, VolumeService service, VolumeQuotaService quotas, VolumeAttachmentIndex attachmentIndex, TimeProvider clock, VolumeImageUploader uploader)
{
    /// <summary>Runs the action the body names.</summary>
    public async Task<IResult> HandleAsync(VolumeCall call, string id, JsonObject body, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        if (body.Count != 1)
        {
            throw new BadRequestException("There is either no action or more than one action in the request body.");
        }

        var (action, node) = body.First();
        var args = node as JsonObject ?? [];
        switch (action)
        {
            case "os-extend":
                await ExtendAsync(call, id, args, durable, cancellationToken);
                break;
            case "os-reset_status":
                await ResetStatusAsync(call, id, args, cancellationToken);
                break;
            case "os-set_bootable":
                await ChangeAsync(call, id, VolumePolicies.SetBootable, null, v => v with { Bootable = VolumeRequests.RequireBoolean(args, "bootable") }, cancellationToken);
                return CinderHttp.Empty(StatusCodes.Status200OK);
            case "os-update_readonly_flag":
                await ChangeAsync(call, id, VolumePolicies.UpdateReadonly, null, v => v with { ReadOnly = VolumeRequests.RequireBoolean(args, "readonly"), ReadOnlyFlagSet = true }, cancellationToken);
                break;
            case "os-force_delete":
                await service.DeleteAsync(call, id, cascade: false, force: true, durable, cancellationToken);
                break;
            case "os-reserve":
                await ChangeAsync(call, id, VolumePolicies.Attach, VolumeOperation.Reserve, v => v, cancellationToken);
                break;
            case "os-unreserve":
                await ChangeAsync(call, id, VolumePolicies.Attach, VolumeOperation.Unreserve, v => v.Attachments.Any(a => a.AttachStatus == AttachmentStatus.Attached) ? v with { Status = VolumeStatus.InUse } : v, cancellationToken);
                break;
            case "os-begin_detaching":
                await ChangeAsync(call, id, VolumePolicies.Attach, VolumeOperation.BeginDetaching, v => v, cancellationToken);
                break;
            case "os-roll_detaching":
                await ChangeAsync(call, id, VolumePolicies.Attach, VolumeOperation.RollDetaching, v => v, cancellationToken);
                break;
            case "os-attach":
                var server = args.OptionalString("instance_uuid", 36);
                var hostName = args.OptionalString("host_name", 255);
                if (server is null && hostName is null)
                {
                    throw new BadRequestException("Invalid request to attach volume to an invalid target: instance_uuid or host_name is required.");
                }

                var device = args.RequireString("mountpoint");
                var mode = args.OptionalString("mode", 255) ?? "rw";
                var attachmentId = Guid.NewGuid().ToString();

                // The same attachment records as the attachments API: indexed first, so a lookup never misses one.
                await attachmentIndex.AddAsync(attachmentId, (await access.VolumeAsync(call, id, VolumePolicies.Attach, cancellationToken)).ProjectId, id, cancellationToken);
                await ChangeAsync(call, id, VolumePolicies.Attach, VolumeOperation.Attach, v => v with
                {
                    Attachments = [.. v.Attachments.Where(a => a.ServerId != server), new VolumeAttachmentRecord(attachmentId, server, hostName, device, AttachmentStatus.Attached, clock.GetUtcNow(), mode)],
                    ReadOnly = v.ReadOnly || mode == "ro",
                }, cancellationToken);
                break;
            case "os-detach":
                var attachment = args.OptionalString("attachment_id", 36);
                var detached = new List<string>();
                await ChangeAsync(call, id, VolumePolicies.Attach, VolumeOperation.Detach, v =>
                {
                    var left = v.Attachments.Where(a => attachment is not null && a.Id != attachment).ToList();
                    detached.Clear();
                    detached.AddRange(v.Attachments.Except(left).Select(a => a.Id));
                    return v with { Attachments = left, Status = left.Count > 0 ? VolumeStatus.InUse : VolumeStatus.Available };
                }, cancellationToken);
                foreach (var gone in detached)
                {
                    await attachmentIndex.RemoveAsync(gone, cancellationToken);
                }

                break;
            case "os-volume_upload_image":
                return await uploader.UploadAsync(call, id, args, durable, cancellationToken);
            default:
                throw new BadRequestException($"There is no such action: {action}");
        }

        return CinderHttp.Empty(StatusCodes.Status202Accepted);
    }

    private async Task ExtendAsync(VolumeCall call, string id, JsonObject args, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var newSize = VolumeRequests.OptionalSize(args, "new_size") ?? throw new BadRequestException("Invalid input for field/attribute new_size. Value: None.");
        var volume = await access.VolumeAsync(call, id, VolumePolicies.Extend, cancellationToken);
        var attached = call.Version.IsAtLeast(42);
        var operation = attached ? VolumeOperation.ExtendAttached : VolumeOperation.Extend;
        if (!VolumeTransitions.Allows(operation, volume.Status))
        {
            throw new InvalidVolumeStateException($"Invalid volume: Volume status must be '{VolumeTransitions.Expected(operation)}' to extend, currently {volume.Status}.");
        }

        if (newSize <= volume.Size)
        {
            throw new InvalidVolumeStateException($"Invalid input received: New size for extend must be greater than current size. (current: {volume.Size}, extended: {newSize}).");
        }

        await quotas.ReserveAsync(volume.ProjectId, new VolumeUsage(0, newSize - volume.Size, 0, 0, 0), cancellationToken);
        string returnStatus = volume.Status;
        try
        {
            await volumes.UpdateAsync(volume.ProjectId, id, v =>
            {
                if (!VolumeTransitions.Allows(operation, v.Status) || v.Size != volume.Size)
                {
                    throw new InvalidVolumeStateException($"Invalid volume: Volume {id} changed while extending ({v.Status}, {v.Size} GB).");
                }

                returnStatus = v.Status;
                return v with { Status = VolumeStatus.Extending, UpdatedAt = clock.GetUtcNow() };
            }, cancellationToken);
        }
        catch (OpenStackException)
        {
            await quotas.ReleaseAsync(volume.ProjectId, new VolumeUsage(0, newSize - volume.Size, 0, 0, 0), cancellationToken);
            throw;
        }

        var requestId = RequestIds.Get(call.Request.HttpContext);
        await WorkflowStarter.StartOnceAsync(durable, nameof(ExtendVolumeWorkflow),
            new ExtendVolumeInput(id, volume.ProjectId, requestId, volume.Size, newSize, returnStatus), VolumeWorkflowIds.Extend(id, requestId), cancellationToken);
    }

    private async Task ResetStatusAsync(VolumeCall call, string id, JsonObject args, CancellationToken cancellationToken)
    {
        var volume = await access.VolumeAsync(call, id, VolumePolicies.ResetStatus, cancellationToken);
        var status = args.OptionalString("status", 255);
        if (status is not null && !VolumeStatus.All.Contains(status))
        {
            throw new BadRequestException($"Invalid input received: Must specify a valid status: {status} is not one.");
        }

        var attachStatus = args.OptionalString("attach_status", 255);
        if (attachStatus is not null and not ("attached" or "detached"))
        {
            throw new BadRequestException($"Invalid input received: Must specify a valid attach status: {attachStatus} is not one.");
        }

        await volumes.UpdateAsync(volume.ProjectId, id, v => v with
        {
            Status = status ?? v.Status,
            Attachments = attachStatus == "detached" ? [] : v.Attachments,
            UpdatedAt = clock.GetUtcNow(),
        }, cancellationToken);
    }

    private async Task ChangeAsync(VolumeCall call, string id, string policyAction, VolumeOperation? operation, Func<VolumeRecord, VolumeRecord> change, CancellationToken cancellationToken)
    {
        var volume = await access.VolumeAsync(call, id, policyAction, cancellationToken);
        await volumes.UpdateAsync(volume.ProjectId, id, v =>
        {
            if (operation is { } op && !VolumeTransitions.Allows(op, v.Status))
            {
                throw new InvalidVolumeStateException($"Invalid volume: Volume {id} status must be {VolumeTransitions.Expected(op)}, but current status is: {v.Status}.");
            }

            var changed = change(operation is { } o && VolumeTransitions.During(o) is { } during ? v with { Status = during } : v);
            return changed with { UpdatedAt = clock.GetUtcNow() };
        }, cancellationToken);
    }
}

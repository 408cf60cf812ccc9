using System.Text.Json.Nodes;
using FuncCloud.Durable.Volume.Orchestrators;
using FuncCloud.Durable.Volume.Workflows;
using FuncCloud.Functions.Compute.Servers.Services;
using FuncCloud.Shared.Image;
using FuncCloud.Shared.OpenStack;
using FuncCloud.Shared.OpenStack.Errors;
using FuncCloud.Shared.Security.Policy;
using FuncCloud.Shared.Volume.Api;
using FuncCloud.Shared.Volume.Pools;
using FuncCloud.Shared.Volume.Quotas;
using FuncCloud.Shared.Volume.Snapshots;
using FuncCloud.Shared.Volume.Types;
using FuncCloud.Shared.Volume.Volumes;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace FuncCloud.Functions.Volume.Services;

/// <summary>Volume create, update and delete: validation, quota, the record, and the workflow that does the work.</summary>
public sealed class VolumeService(
    VolumeRepository volumes,
    SnapshotRepository snapshots,
    VolumeAccess access,
    VolumeTypeService types,
    VolumeQuotaService quotas,
    StoragePoolRepository pools,
    IServerImageSource images,
    ImageStore imageStore,
    PolicyEnforcer policy,
    TimeProvider clock)
{
    private const long Gib = 1L << 30;

    /// <summary><c>POST /volumes</c>: the new volume, <c>creating</c>, with its workflow started.</summary>
    public async Task<VolumeRecord> CreateAsync(VolumeCall call, JsonObject body, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var (volume, input) = await PlanAsync(call, body, cancellationToken);
        await quotas.ReserveAsync(call.ProjectId, new VolumeUsage(1, volume.Size, 0, 0, 0), cancellationToken);
        await volumes.InsertAsync(volume, cancellationToken);
        await durable.ScheduleNewOrchestrationInstanceAsync(nameof(CreateVolumeWorkflow), input, new StartOrchestrationOptions(volume.Operation), cancellationToken);
        return volume;
    }

    /// <summary>
    /// Validates a <c>POST /volumes</c> body and builds the record and its create workflow's input, writing nothing
    /// (no quota, no record): the create above, and a boot from volume whose workflow creates it later.
    /// </summary>
    public async Task<(VolumeRecord Volume, CreateVolumeInput Input)> PlanAsync(VolumeCall call, JsonObject body, CancellationToken cancellationToken)
    {
        policy.Enforce(VolumePolicies.Create, call.Caller, VolumeCall.Target(call.ProjectId));
        var request = body.RequireObject("volume");
        var size = VolumeRequests.OptionalSize(request, "size");
        var type = request.OptionalString("volume_type", 255) is { } typeName ? await types.GetAsync(call, typeName, cancellationToken) : await types.DefaultAsync(cancellationToken);
        var zone = request.OptionalString("availability_zone", 255) ?? "nova";
        if (!(await pools.ListAsync(cancellationToken)).Any(p => p.AvailabilityZone == zone))
        {
            throw new BadRequestException($"Availability zone '{zone}' is invalid.");
        }

        string? snapshotId = null, sourceId = null, imageId = null, sourceHost = null;
        Dictionary<string, string>? imageMetadata = null;
        var bootable = false;
        if (request.OptionalString("snapshot_id", 36) is { } sid)
        {
            var snapshot = await access.SnapshotAsync(call, sid, VolumePolicies.GetSnapshot, cancellationToken);
            if (snapshot.Status != SnapshotStatus.Available)
            {
                throw new InvalidVolumeStateException($"Invalid snapshot: Originating snapshot status must be one of 'available' values");
            }

            size ??= snapshot.Size;
            if (size < snapshot.Size)
            {
                throw new BadRequestException($"Invalid input received: Volume size '{size}'GB cannot be smaller than the snapshot size {snapshot.Size}GB. They must be >= original snapshot size.");
            }

            var parent = await volumes.GetAsync(snapshot.ProjectId, snapshot.VolumeId, cancellationToken);
            (snapshotId, sourceHost, bootable, imageMetadata) = (snapshot.Id, parent?.Host, parent?.Bootable ?? false, Copy(parent?.VolumeImageMetadata));
        }
        else if (request.OptionalString("source_volid", 36) is { } vid)
        {
            var source = await access.VolumeAsync(call, vid, VolumePolicies.Get, cancellationToken);
            if (!VolumeTransitions.Allows(VolumeOperation.Clone, source.Status))
            {
                throw new InvalidVolumeStateException($"Invalid volume: Volume {vid} status must be {VolumeTransitions.Expected(VolumeOperation.Clone)}, but current status is: {source.Status}.");
            }

            size ??= source.Size;
            if (size < source.Size)
            {
                throw new BadRequestException($"Invalid input received: Volume size '{size}'GB cannot be smaller than original volume size {source.Size}GB. They must be >= original volume size.");
            }

            (sourceId, sourceHost, bootable, imageMetadata) = (source.Id, source.Host, source.Bootable, Copy(source.VolumeImageMetadata));
        }
        else if ((request.OptionalString("imageRef", 255) ?? request.OptionalString("image_id", 255)) is { } iid)
        {
            var image = await images.FindAsync(iid, call.Caller, cancellationToken) ?? throw new BadRequestException($"Invalid image identifier or unable to access requested image.");
            if (image.Status != ImageStatus.Active)
            {
                throw new BadRequestException($"Invalid image identifier or unable to access requested image. Image {iid} is not active.");
            }

            var neededGb = Math.Max(image.MinDiskGb, (int)((image.SizeBytes + Gib - 1) / Gib));
            size ??= neededGb;
            if (size < neededGb)
            {
                throw new BadRequestException($"Invalid input received: Size of specified image {(image.SizeBytes + Gib - 1) / Gib}GB is larger than volume size {size}GB (min_disk {image.MinDiskGb}GB).");
            }

            var record = (await imageStore.GetAsync(iid, cancellationToken))?.Value;
            imageId = image.Id;
            bootable = true;
            imageMetadata = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["image_id"] = image.Id,
                ["image_name"] = image.Name ?? string.Empty,
                ["container_format"] = record?.ContainerFormat ?? "bare",
                ["disk_format"] = record?.DiskFormat ?? "raw",
                ["checksum"] = record?.Checksum ?? string.Empty,
                ["size"] = image.SizeBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["min_disk"] = image.MinDiskGb.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["min_ram"] = image.MinRamMb.ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
            foreach (var (key, value) in image.Properties)
            {
                imageMetadata[key] = value;
            }
        }

        if (size is not { } sizeGb)
        {
            throw new BadRequestException("Invalid input for field/attribute size. Value: None. None is not of type 'integer', 'string'");
        }

        if (request["multiattach"] is not null && VolumeRequests.RequireBoolean(request, "multiattach"))
        {
            throw new BadRequestException("Invalid input received: multiattach volumes are not supported by this cloud.");
        }

        var now = clock.GetUtcNow();
        var volume = new VolumeRecord(
            Guid.NewGuid().ToString(), call.ProjectId, call.Caller.UserId,
            request.OptionalString("name", 255) ?? request.OptionalString("display_name", 255),
            request.OptionalString("description", 255) ?? request.OptionalString("display_description", 255),
            sizeGb, VolumeStatus.Creating, zone, type.Id, type.Name, bootable, false, VolumeRequests.OptionalMetadata(request) ?? [],
            snapshotId, sourceId, imageId, imageMetadata, null, [], now, now, VolumeWorkflowIds.CreateVolume(string.Empty));
        volume = volume with { Operation = VolumeWorkflowIds.CreateVolume(volume.Id) };
        return (volume, new CreateVolumeInput(volume.Id, call.ProjectId, Shared.OpenStack.RequestIds.Get(call.Request.HttpContext), sizeGb, zone, type.Name,
            type.ExtraSpecs.GetValueOrDefault(VolumeTypeRecord.BackendNameSpec), sourceHost, snapshotId, sourceId, imageId,
            imageId is null ? null : imageMetadata?.GetValueOrDefault("disk_format"), type.ExtraSpecs.GetValueOrDefault(VolumeTypeRecord.VolumeFormatSpec) ?? "qcow2"));
    }

    /// <summary><c>PUT /volumes/{id}</c>: name, description, metadata (replaced).</summary>
    public async Task<VolumeRecord> UpdateAsync(VolumeCall call, string id, JsonObject body, CancellationToken cancellationToken)
    {
        var request = body.RequireObject("volume");
        var volume = await access.VolumeAsync(call, id, VolumePolicies.Update, cancellationToken);
        // cinder still accepts the v1 names display_name/display_description (OSC's volume set sends them).
        var name = request.ContainsKey("name") ? request.OptionalString("name", 255) : request.ContainsKey("display_name") ? request.OptionalString("display_name", 255) : volume.Name;
        var description = request.ContainsKey("description") ? request.OptionalString("description", 255)
            : request.ContainsKey("display_description") ? request.OptionalString("display_description", 255) : volume.Description;
        var metadata = VolumeRequests.OptionalMetadata(request);
        return await volumes.UpdateAsync(volume.ProjectId, id, v => v with
        {
            Name = name,
            Description = description,
            Metadata = metadata ?? v.Metadata,
            UpdatedAt = clock.GetUtcNow(),
        }, cancellationToken) ?? throw VolumeResourceNotFoundException.Volume(id);
    }

    /// <summary>
    /// <c>DELETE /volumes/{id}[?cascade=true]</c> and <c>os-force_delete</c>: checks the state (attached volumes and
    /// volumes with snapshots are refused with the reason), moves it to <c>deleting</c> by compare-and-swap and
    /// starts the delete workflow.
    /// </summary>
    public async Task DeleteAsync(VolumeCall call, string id, bool cascade, bool force, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var volume = await access.VolumeAsync(call, id, force ? VolumePolicies.ForceDelete : VolumePolicies.Delete, cancellationToken);
        var operation = force ? VolumeOperation.ForceDelete : VolumeOperation.Delete;
        var dependents = (await snapshots.ListAsync(volume.ProjectId, cancellationToken)).Where(s => s.VolumeId == id).ToList();
        if (!cascade && dependents.Count > 0)
        {
            throw new InvalidVolumeStateException($"Invalid volume: Volume {id} still has {dependents.Count} dependent snapshots.");
        }

        if (cascade && dependents.FirstOrDefault(s => s.Status is not (SnapshotStatus.Available or SnapshotStatus.Error)) is { } busy)
        {
            throw new InvalidVolumeStateException($"Invalid volume: Snapshot {busy.Id} of volume {id} is {busy.Status}; it must be available or error to cascade the delete.");
        }

        await volumes.UpdateAsync(volume.ProjectId, id, v =>
        {
            if (v.Status == VolumeStatus.Deleting)
            {
                return v;
            }

            if (v.Attachments.Count > 0 || !VolumeTransitions.Allows(operation, v.Status))
            {
                throw new InvalidVolumeStateException(
                    $"Invalid volume: Volume status must be {VolumeTransitions.Expected(operation)} and must not be migrating, attached, belong to a group, have snapshots or be disassociated from snapshots after volume transfer. Volume {id} is {v.Status}" +
                    (v.Attachments.Count > 0 ? v.Attachments[0].ServerId is { } holder ? $" and attached to server {holder}." : $" and has attachment {v.Attachments[0].Id}." : "."));
            }

            return v with { Status = VolumeStatus.Deleting, UpdatedAt = clock.GetUtcNow() };
        }, cancellationToken);

        foreach (var snapshot in cascade ? dependents : [])
        {
            await snapshots.UpdateAsync(volume.ProjectId, snapshot.Id, s => s with { Status = SnapshotStatus.Deleting }, cancellationToken);
        }

        await WorkflowStarter.StartOnceAsync(durable, nameof(DeleteVolumeWorkflow),
            new DeleteVolumeInput(id, volume.ProjectId, Shared.OpenStack.RequestIds.Get(call.Request.HttpContext), cascade), VolumeWorkflowIds.DeleteVolume(id), cancellationToken);
    }

    private static Dictionary<string, string>? Copy(IReadOnlyDictionary<string, string>? values) => values is null ? null : new(values);
}

using System.Text.Json.Nodes;
using FuncCloud.Durable.Volume.Orchestrators;
using FuncCloud.Functions.Image.Api;
using FuncCloud.Functions.Image.Services;
using FuncCloud.Functions.Volume.Api;
using FuncCloud.Shared.Image;
using FuncCloud.Shared.OpenStack;
using FuncCloud.Shared.OpenStack.Errors;
using FuncCloud.Shared.Volume.Api;
using FuncCloud.Shared.Volume.Types;
using FuncCloud.Shared.Volume.Volumes;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace FuncCloud.Functions.Volume.Services;

/// <summary>
/// <c>os-volume_upload_image</c> (cinder's <c>copy_volume_to_image</c>): a queued Glance image owned by the volume's
/// project, the volume <c>available → uploading</c> (or <c>in-use → uploading</c> with <c>force</c>, as cinder
/// records the previous status), then the durable upload workflow (the storage node streams the bytes into the
/// image). The storage node reads the volume as raw bytes, so <c>raw</c> / <c>bare</c> are the formats offered.
/// </summary>
public sealed class VolumeImageUploader(VolumeRepository volumes, VolumeAccess access, VolumeTypeRepository types, ImageService glance, ImageStore images, TimeProvider clock)
{
    public async Task<IResult> UploadAsync(VolumeCall call, string id, JsonObject args, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var name = args.OptionalString("image_name", 255) is { Length: > 0 } n ? n : throw new BadRequestException("No image_name was specified in request.");
        var force = args["force"] is not null && VolumeRequests.RequireBoolean(args, "force");
        var diskFormat = args.OptionalString("disk_format", 255) ?? "raw";
        var containerFormat = args.OptionalString("container_format", 255) ?? "bare";
        if (diskFormat != "raw" || containerFormat != "bare")
        {
            throw new BadRequestException($"Invalid input received: disk_format '{diskFormat}' / container_format '{containerFormat}': this cloud uploads volumes as raw disks in bare containers.");
        }

        var extended = call.Version.CompareTo(new VolumeApiVersion(3, 1)) >= 0;
        var visibility = extended ? args.OptionalString("visibility", 255) ?? ImageVisibility.Private : ImageVisibility.Private;
        var isProtected = extended && args["protected"] is not null && VolumeRequests.RequireBoolean(args, "protected");

        var volume = await access.VolumeAsync(call, id, VolumePolicies.UploadImage, cancellationToken);
        Admissible(volume.Status, force, id);

        var request = new JsonObject
        {
            ["name"] = name,
            ["disk_format"] = diskFormat,
            ["container_format"] = containerFormat,
            ["visibility"] = visibility,
            ["protected"] = isProtected,
            ["owner"] = volume.ProjectId,
            ["min_disk"] = volume.Size,
        };
        var image = await glance.CreateAsync(call.Caller, request, cancellationToken);

        string? previous = null;
        var updated = await volumes.UpdateAsync(volume.ProjectId, id, v =>
        {
            previous = null;
            if (v.Status is VolumeStatus.Available || (force && v.Status == VolumeStatus.InUse))
            {
                previous = v.Status;
                return v with { Status = VolumeStatus.Uploading, UpdatedAt = clock.GetUtcNow() };
            }

            return v;
        }, cancellationToken);
        if (previous is null || updated is null)
        {
            // Raced by another action: no orphan queued image.
            await images.DeleteAsync(image.Id, CancellationToken.None);
            Admissible(updated?.Status ?? VolumeStatus.Deleting, force, id);
            throw new InvalidVolumeStateException($"Invalid volume: Volume {id} changed status while the upload was starting.");
        }

        await durable.ScheduleNewOrchestrationInstanceAsync(
            nameof(UploadVolumeToImageWorkflow),
            new UploadVolumeToImageInput(id, volume.ProjectId, RequestIds.Get(call.Request.HttpContext), image.Id, previous),
            new StartOrchestrationOptions(UploadVolumeToImageWorkflow.Id(id, image.Id)), cancellationToken);

        var type = await types.FindAsync(updated.VolumeTypeId, cancellationToken);
        var body = new JsonObject
        {
            ["id"] = id,
            ["updated_at"] = VolumeWire.Time(updated.UpdatedAt),
            ["status"] = VolumeStatus.Uploading,
            ["display_description"] = updated.Description,
            ["size"] = updated.Size,
            ["volume_type"] = type is null ? null : TypeView(type),
            ["image_id"] = image.Id,
            ["container_format"] = containerFormat,
            ["disk_format"] = diskFormat,
            ["image_name"] = name,
        };
        if (extended)
        {
            body["visibility"] = visibility;
            body["protected"] = isProtected;
        }

        return CinderHttp.Member("os-volume_upload_image", body, StatusCodes.Status202Accepted);
    }

    // cinder: only available volumes, in-use ones with force.
    private static void Admissible(string status, bool force, string id)
    {
        if (status == VolumeStatus.Available || (force && status == VolumeStatus.InUse))
        {
            return;
        }

        throw new InvalidVolumeStateException(status == VolumeStatus.InUse
            ? $"Invalid volume: Volume {id} status must be available, or in-use with force, to upload to an image, but current status is: in-use."
            : $"Invalid volume: Volume {id} status must be available or in-use, but current status is: {status}.");
    }

    // The volume type as cinder serializes the volume's type object in this response.
    private static JsonObject TypeView(VolumeTypeRecord type) => new()
    {
        ["id"] = type.Id,
        ["name"] = type.Name,
        ["description"] = type.Description,
        ["is_public"] = type.IsPublic,
        ["extra_specs"] = new JsonObject(type.ExtraSpecs.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))),
        ["qos_specs_id"] = null,
        ["deleted"] = false,
        ["created_at"] = null,
        ["updated_at"] = null,
        ["deleted_at"] = null,
    };
}

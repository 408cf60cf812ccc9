using System.Text.Json.Nodes;
using FuncCloud.Durable.Volume.Attachments;
using FuncCloud.Functions.Compute.Servers.Api;
using FuncCloud.Functions.Volume.Services;
using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.OpenStack.Errors;
using FuncCloud.Shared.Volume.Api;
using FuncCloud.Shared.Volume.Volumes;

namespace FuncCloud.Functions.Compute.Servers.Services;

/// <summary>
/// Nova's API-side checks of <c>block_device_mapping_v2</c> volumes (<c>_validate_bdm</c>), in nova's 400 words, before
/// anything is written: an existing volume must be visible to the project and <c>available</c> (and bootable when it is
/// the root disk); a snapshot or image source must exist; image and blank sources need a <c>volume_size</c>. Volumes to
/// create are planned by the volume service's own create validation (type, zone, sizes against image or snapshot) and
/// created later by the boot workflow, after the server is placed.
/// </summary>
public sealed class ServerBlockDevicePlanner(VolumeService volumeService, VolumeAccess access, VolumeRepository volumes, IServerImageSource images)
{
    public async Task<IReadOnlyList<BootVolumePlan>?> PlanAsync(ComputeCall call, ServerCreateRequest request, CancellationToken cancellationToken)
    {
        var mappings = request.BlockDevices.Where(b => b.DestinationType == "volume").ToList();
        if (mappings.Count == 0)
        {
            return null;
        }

        if (request.MaxCount > 1 && mappings.Any(b => b.SourceType == "volume"))
        {
            throw new BadRequestException("Cannot attach one or more volumes to multiple instances");
        }

        var volumeCall = new VolumeCall(call.Request, call.Caller, VolumeApiVersion.Min, call.ProjectId);
        var plans = new List<BootVolumePlan>();
        foreach (var bdm in mappings.OrderBy(b => b.BootIndex < 0 ? int.MaxValue : b.BootIndex))
        {
            var id = bdm.Uuid ?? string.Empty;
            JsonObject body;
            switch (bdm.SourceType)
            {
                case "volume":
                    var volume = await volumes.FindAsync(id, cancellationToken);
                    if (volume is null || (volume.ProjectId != call.ProjectId && !call.Caller.IsAdmin))
                    {
                        throw new BadRequestException($"Block Device Mapping is Invalid: failed to get volume {id}.");
                    }

                    if (volume.Status != VolumeStatus.Available)
                    {
                        throw new BadRequestException($"Invalid volume: volume '{id}' status must be 'available'. Currently in '{volume.Status}'");
                    }

                    if (bdm.BootIndex == 0 && !volume.Bootable)
                    {
                        throw new BadRequestException($"Block Device {id} is not bootable.");
                    }

                    plans.Add(new BootVolumePlan(bdm.BootIndex, bdm.DeleteOnTermination, volume.ProjectId, id, null, null));
                    continue;
                case "snapshot":
                    try
                    {
                        await access.SnapshotAsync(volumeCall, id, VolumePolicies.GetSnapshot, cancellationToken);
                    }
                    catch (OpenStackException e) when (e.StatusCode == 404)
                    {
                        throw new BadRequestException($"Block Device Mapping is Invalid: failed to get snapshot {id}.");
                    }

                    body = VolumeBody(bdm.VolumeSize);
                    body["snapshot_id"] = id;
                    break;
                case "image":
                    if (bdm.VolumeSize is not > 0)
                    {
                        throw new BadRequestException("Block Device Mapping is Invalid: Images with destination_type 'volume' need to have a non-zero size specified");
                    }

                    if (await images.FindAsync(id, call.Caller, cancellationToken) is null)
                    {
                        throw new BadRequestException($"Block Device Mapping is Invalid: failed to get image {id}.");
                    }

                    body = VolumeBody(bdm.VolumeSize);
                    body["imageRef"] = id;
                    break;
                default:
                    if (bdm.VolumeSize is not > 0)
                    {
                        throw new BadRequestException("Block Device Mapping is Invalid: Blank volumes (source: 'blank', dest: 'volume') need to have non-zero size");
                    }

                    body = VolumeBody(bdm.VolumeSize);
                    break;
            }

            var (record, input) = await volumeService.PlanAsync(volumeCall, new JsonObject { ["volume"] = body }, cancellationToken);
            plans.Add(new BootVolumePlan(bdm.BootIndex, bdm.DeleteOnTermination, call.ProjectId, null, record, input));
        }

        return plans;
    }

    // Nova asks cinder for a nameless volume of the mapping's size (the source's size when none is given).
    private static JsonObject VolumeBody(int? size)
    {
        var body = new JsonObject { ["name"] = string.Empty };
        if (size is > 0)
        {
            body["size"] = size.Value;
        }

        return body;
    }
}

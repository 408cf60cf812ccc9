using FuncCloud.Durable.Volume.Orchestrators;
using FuncCloud.Shared.Agents.Commands;
using FuncCloud.Shared.Compute.Servers;
using FuncCloud.Shared.Volume.Pools;
using FuncCloud.Shared.Volume.Volumes;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace FuncCloud.Durable.Volume.Attachments;

/// <summary>A volume a destroyed server held, the storage node that exported it, and whether the server's delete deletes it.</summary>
public sealed record ReleasedVolume(string VolumeId, string? StorageNode, string ProjectId = "", bool DeleteOnTermination = false);

/// <summary>
/// After a server is destroyed its guest no longer holds its volumes (nova detaches them on delete): each attached
/// volume returns to <c>available</c> without the server's attachment, and the server's list is emptied.
/// </summary>
public sealed class ReleaseServerVolumes(ServerRepository servers, VolumeRepository volumes, VolumeAttachmentIndex index, TimeProvider clock)
{
    [Function(nameof(ReleaseServerVolumes))]
    public async Task<IReadOnlyList<ReleasedVolume>> RunAsync([ActivityTrigger] string serverId, CancellationToken cancellationToken)
    {
        if (await servers.FindAsync(serverId, cancellationToken) is not { VolumeAttachments.Count: > 0 } server)
        {
            return [];
        }

        var released = new List<ReleasedVolume>();
        foreach (var attachment in server.VolumeAttachments)
        {
            if (await volumes.FindAsync(attachment.VolumeId, cancellationToken) is not { } volume)
            {
                continue;
            }

            var gone = new List<string>();
            await volumes.UpdateAsync(volume.ProjectId, volume.Id, v =>
            {
                gone.Clear();
                gone.AddRange(v.Attachments.Where(a => a.ServerId == serverId).Select(a => a.Id));
                var left = v.Attachments.Where(a => a.ServerId != serverId).ToList();
                var status = v.Status is VolumeStatus.InUse or VolumeStatus.Attaching or VolumeStatus.Detaching && left.Count == 0 ? VolumeStatus.Available : v.Status;
                return v with { Attachments = left, Status = status, UpdatedAt = clock.GetUtcNow() };
            }, cancellationToken);
            foreach (var id in gone)
            {
                await index.RemoveAsync(id, cancellationToken);
            }

            released.Add(new ReleasedVolume(volume.Id, volume.Host is { } pool ? StoragePoolRecord.NodeOfPool(pool) : null, volume.ProjectId, attachment.DeleteOnTermination));
        }

        await servers.UpdateAsync(serverId, s => s with { VolumeAttachments = [] }, cancellationToken);
        return released;
    }
}

/// <summary>
/// The one call the server teardown makes: release the volumes and remove their exports on the storage nodes, then
/// delete those attached with <c>delete_on_termination</c> (a boot from volume's, or nova's 2.79 attach) through the
/// volume delete workflow, as nova's terminate does.
/// </summary>
internal static class ServerVolumesTeardown
{
    public static async Task RunAsync(TaskOrchestrationContext context, string serverId)
    {
        var released = await context.CallActivityAsync<IReadOnlyList<ReleasedVolume>>(nameof(ReleaseServerVolumes), serverId);
        foreach (var volume in released)
        {
            if (volume.StorageNode is { } node)
            {
                await StorageCalls.SendAsync(context, node, new UnexportVolumeCommand(volume.VolumeId), discriminator: volume.VolumeId);
            }
        }

        foreach (var volume in released.Where(v => v.DeleteOnTermination && v.ProjectId.Length > 0))
        {
            await Compute.Orchestrators.ServerBlockDevices.DeleteVolumeAsync(context, volume.VolumeId, volume.ProjectId);
        }
    }
}

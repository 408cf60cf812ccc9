using FuncCloud.Shared.Agents.Commands;

namespace FuncCloud.Agent.Compute.Fake;

// Volumes: the Fake hypervisor records which volume sits at which device and keeps it in its persisted state,
// so a restarted agent still knows what its guests hold.
public sealed partial class FakeComputeDriver
{
    public Task AttachVolumeAsync(string serverId, string volumeId, string device, VolumeConnectionInfo connection, CancellationToken cancellationToken) =>
        MutateAsync(FakeOperation.AttachVolume, serverId, i =>
        {
            if (i.Volumes.FirstOrDefault(v => v.Value == device && v.Key != volumeId) is { Key: { } other })
            {
                throw new ComputeDriverException(serverId, $"device {device} of instance {serverId} already holds volume {other}");
            }

            i.Volumes[volumeId] = device;
        }, cancellationToken);

    public async Task DetachVolumeAsync(string serverId, string volumeId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_instances.TryGetValue(serverId, out var instance) || !instance.Volumes.ContainsKey(volumeId))
            {
                return; // nothing holds the volume
            }
        }

        await MutateAsync(FakeOperation.DetachVolume, serverId, i => i.Volumes.Remove(volumeId), cancellationToken);
    }

    /// <summary>The volume an instance booted from (its spawn's boot volume), or null.</summary>
    public string? BootVolume(string serverId)
    {
        lock (_gate)
        {
            return _instances.TryGetValue(serverId, out var instance) ? instance.Spec.BootVolume?.VolumeId : null;
        }
    }

    /// <summary>The volumes attached to an instance (volume id → device); empty when it does not exist.</summary>
    public IReadOnlyDictionary<string, string> AttachedVolumes(string serverId)
    {
        lock (_gate)
        {
            return _instances.TryGetValue(serverId, out var instance) ? new Dictionary<string, string>(instance.Volumes) : new Dictionary<string, string>();
        }
    }
}

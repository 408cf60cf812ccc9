using FuncCloud.Shared.Security.Policy;
using FuncCloud.Shared.Volume.Api;
using FuncCloud.Shared.Volume.Snapshots;
using FuncCloud.Shared.Volume.Volumes;

namespace FuncCloud.Functions.Volume.Services;

/// <summary>
/// Finds volumes and snapshots as the caller may see them: the caller's project, or any project for admins.
/// Another project's resource is simply not found (404), never forbidden, so ids do not leak.
/// </summary>
public sealed class VolumeAccess(VolumeRepository volumes, SnapshotRepository snapshots, PolicyEnforcer policy)
{
    /// <summary>The volume <paramref name="id"/> after checking <paramref name="action"/> on it.</summary>
    /// <exception cref="VolumeResourceNotFoundException">Missing or not visible.</exception>
    public async Task<VolumeRecord> VolumeAsync(VolumeCall call, string id, string action, CancellationToken cancellationToken)
    {
        var volume = await volumes.GetAsync(call.ProjectId, id, cancellationToken)
            ?? (IsAdmin(call) ? await volumes.FindAsync(id, cancellationToken) : null)
            ?? throw VolumeResourceNotFoundException.Volume(id);
        policy.Enforce(action, call.Caller, VolumeCall.Target(volume.ProjectId));
        return volume;
    }

    /// <summary>The snapshot <paramref name="id"/> after checking <paramref name="action"/> on it.</summary>
    /// <exception cref="VolumeResourceNotFoundException">Missing or not visible.</exception>
    public async Task<SnapshotRecord> SnapshotAsync(VolumeCall call, string id, string action, CancellationToken cancellationToken)
    {
        var snapshot = await snapshots.GetAsync(call.ProjectId, id, cancellationToken)
            ?? (IsAdmin(call) ? await snapshots.FindAsync(id, cancellationToken) : null)
            ?? throw VolumeResourceNotFoundException.Snapshot(id);
        policy.Enforce(action, call.Caller, VolumeCall.Target(snapshot.ProjectId));
        return snapshot;
    }

    /// <summary>True when the caller passes the admin rule.</summary>
    public bool IsAdmin(VolumeCall call) => policy.IsAllowed(VolumePolicies.AdminApi, call.Caller);
}

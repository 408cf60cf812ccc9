using System.Text.Json.Nodes;
using FuncCloud.Durable.Volume.Orchestrators;
using FuncCloud.Durable.Volume.Workflows;
using FuncCloud.Shared.OpenStack;
using FuncCloud.Shared.Security.Policy;
using FuncCloud.Shared.Volume.Api;
using FuncCloud.Shared.Volume.Quotas;
using FuncCloud.Shared.Volume.Snapshots;
using FuncCloud.Shared.Volume.Volumes;
using Microsoft.DurableTask.Client;

namespace FuncCloud.Functions.Volume.Services;

/// <summary>Snapshots: create (force for in-use volumes), update, delete, metadata.</summary>
public sealed class SnapshotService(SnapshotRepository snapshots, VolumeAccess access, VolumeQuotaService quotas, PolicyEnforcer policy, TimeProvider clock)
{
    /// <summary><c>POST /snapshots</c>.</summary>
    public async Task<SnapshotRecord> CreateAsync(VolumeCall call, JsonObject body, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var request = body.RequireObject("snapshot");
        // cinder's schema allows a null volume_id and then looks it up: "Volume None could not be found." (404).
        var volumeId = request["volume_id"] is null ? "None" : request.RequireString("volume_id", 36);
        var volume = await access.VolumeAsync(call, volumeId, VolumePolicies.CreateSnapshot, cancellationToken);
        policy.Enforce(VolumePolicies.CreateSnapshot, call.Caller, VolumeCall.Target(call.ProjectId));
        var force = request["force"] is not null && VolumeRequests.RequireBoolean(request, "force");
        var operation = force ? VolumeOperation.SnapshotForce : VolumeOperation.Snapshot;
        if (!VolumeTransitions.Allows(operation, volume.Status))
        {
            throw new InvalidVolumeStateException(volume.Status == VolumeStatus.InUse
                ? $"Invalid volume: Volume {volume.Id} status must be available, but current status is: in-use (use force to snapshot an attached volume)."
                : $"Invalid volume: Volume {volume.Id} status must be {VolumeTransitions.Expected(operation)}, but current status is: {volume.Status}.");
        }

        var now = clock.GetUtcNow();
        var snapshot = new SnapshotRecord(
            Guid.NewGuid().ToString(), volume.ProjectId, call.Caller.UserId, volume.Id,
            request.OptionalString("name", 255) ?? request.OptionalString("display_name", 255),
            request.OptionalString("description", 255) ?? request.OptionalString("display_description", 255),
            volume.Size, SnapshotStatus.Creating, VolumeRequests.OptionalMetadata(request) ?? [], now, now);
        await quotas.ReserveAsync(volume.ProjectId, new VolumeUsage(0, snapshot.Size, 1, 0, 0), cancellationToken);
        await snapshots.InsertAsync(snapshot, cancellationToken);
        await WorkflowStarter.StartOnceAsync(durable, nameof(CreateSnapshotWorkflow),
            new SnapshotWorkflowInput(snapshot.Id, snapshot.ProjectId, RequestIds.Get(call.Request.HttpContext)), VolumeWorkflowIds.CreateSnapshot(snapshot.Id), cancellationToken);
        return snapshot;
    }

    /// <summary><c>PUT /snapshots/{id}</c>: name and description.</summary>
    public async Task<SnapshotRecord> UpdateAsync(VolumeCall call, string id, JsonObject body, CancellationToken cancellationToken)
    {
        var request = body.RequireObject("snapshot");
        var snapshot = await access.SnapshotAsync(call, id, VolumePolicies.UpdateSnapshot, cancellationToken);
        return await snapshots.UpdateAsync(snapshot.ProjectId, id, s => s with
        {
            Name = request.ContainsKey("name") ? request.OptionalString("name", 255) : s.Name,
            Description = request.ContainsKey("description") ? request.OptionalString("description", 255) : s.Description,
            UpdatedAt = clock.GetUtcNow(),
        }, cancellationToken) ?? throw VolumeResourceNotFoundException.Snapshot(id);
    }

    /// <summary>Replaces (<paramref name="replace"/>) or merges a snapshot's metadata.</summary>
    public async Task<SnapshotRecord> SetMetadataAsync(VolumeCall call, string id, JsonObject body, bool replace, CancellationToken cancellationToken)
    {
        var metadata = VolumeRequests.OptionalMetadata(body) ?? throw new Shared.OpenStack.Errors.BadRequestException("Malformed request body: metadata is required.");
        var snapshot = await access.SnapshotAsync(call, id, VolumePolicies.UpdateSnapshot, cancellationToken);
        return await snapshots.UpdateAsync(snapshot.ProjectId, id, s => s with
        {
            Metadata = replace ? metadata : s.Metadata.Concat(metadata).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value),
            UpdatedAt = clock.GetUtcNow(),
        }, cancellationToken) ?? throw VolumeResourceNotFoundException.Snapshot(id);
    }

    /// <summary>Deletes one metadata key.</summary>
    public async Task DeleteMetadataAsync(VolumeCall call, string id, string key, CancellationToken cancellationToken)
    {
        var snapshot = await access.SnapshotAsync(call, id, VolumePolicies.UpdateSnapshot, cancellationToken);
        if (!snapshot.Metadata.ContainsKey(key))
        {
            throw new VolumeResourceNotFoundException("Metadata key", $"{key} of snapshot {id}");
        }

        await snapshots.UpdateAsync(snapshot.ProjectId, id, s => s with { Metadata = s.Metadata.Where(p => p.Key != key).ToDictionary() }, cancellationToken);
    }

    /// <summary><c>DELETE /snapshots/{id}</c>: from available or error, through <c>deleting</c>.</summary>
    public async Task DeleteAsync(VolumeCall call, string id, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var snapshot = await access.SnapshotAsync(call, id, VolumePolicies.DeleteSnapshot, cancellationToken);
        await snapshots.UpdateAsync(snapshot.ProjectId, id, s =>
            s.Status is SnapshotStatus.Available or SnapshotStatus.Error or SnapshotStatus.ErrorDeleting
                ? s with { Status = SnapshotStatus.Deleting, UpdatedAt = clock.GetUtcNow() }
                : s.Status == SnapshotStatus.Deleting ? s
                : throw new InvalidVolumeStateException($"Invalid snapshot: Snapshot {id} status must be available or error, but current status is: {s.Status}."), cancellationToken);
        await WorkflowStarter.StartOnceAsync(durable, nameof(DeleteSnapshotWorkflow),
            new SnapshotWorkflowInput(id, snapshot.ProjectId, RequestIds.Get(call.Request.HttpContext)), VolumeWorkflowIds.DeleteSnapshot(id), cancellationToken);
    }
}

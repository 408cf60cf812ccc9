using System.Text.Json.Nodes;
using FuncCloud.Durable.Volume.Backups;
using FuncCloud.Durable.Volume.Workflows;
using FuncCloud.Shared.OpenStack;
using FuncCloud.Shared.OpenStack.Errors;
using FuncCloud.Shared.Security.Policy;
using FuncCloud.Shared.Volume;
using FuncCloud.Shared.Volume.Api;
using FuncCloud.Shared.Volume.Backups;
using FuncCloud.Shared.Volume.Quotas;
using FuncCloud.Shared.Volume.Snapshots;
using FuncCloud.Shared.Volume.Volumes;
using Microsoft.DurableTask.Client;

namespace FuncCloud.Functions.Volume.Services;

/// <summary>What a restore answers: cinder's <c>restore</c> view.</summary>
public sealed record BackupRestoreResult(string BackupId, string VolumeId, string? VolumeName);

/// <summary>
/// Backups: create (full only; <c>force</c> for in-use volumes; of a snapshot too), update, delete and restore (to a
/// new volume or an available one of enough size). The volume's status moves in the one transition table
/// (<c>backing-up</c>, <c>restoring-backup</c>); the workflows move the bytes through the storage node.
/// </summary>
public sealed class BackupService(
    BackupRepository backups,
    VolumeRepository volumes,
    VolumeAccess access,
    VolumeService volumeService,
    VolumeQuotaService quotas,
    PolicyEnforcer policy,
    VolumeTable table,
    TimeProvider clock)
{
    /// <summary>The sort keys for backups.</summary>
    public static readonly IReadOnlySet<string> SortKeys = new HashSet<string> { "id", "name", "status", "size", "created_at", "updated_at", "volume_id", "display_name", "container" };

    /// <summary>The container a backup goes to when the request names none (cinder's swift default is <c>volumebackups</c>).</summary>
    public const string DefaultContainer = VolumeBackupStore.ContainerName;

    /// <summary>The backup <paramref name="id"/> after checking <paramref name="action"/>; another project's is 404 (admins reach any).</summary>
    public async Task<BackupRecord> GetAsync(VolumeCall call, string id, string action, CancellationToken cancellationToken)
    {
        var backup = await backups.GetAsync(call.ProjectId, id, cancellationToken)
            ?? (access.IsAdmin(call) ? await backups.FindAsync(id, cancellationToken) : null)
            ?? throw new VolumeResourceNotFoundException("Backup", id);
        policy.Enforce(action, call.Caller, VolumeCall.Target(backup.ProjectId));
        return backup;
    }

    /// <summary>The backups the caller lists (admins: <c>all_tenants</c>, optionally one <c>project_id</c>), filtered.</summary>
    public async Task<IReadOnlyList<BackupRecord>> ListAsync(VolumeCall call, CancellationToken cancellationToken)
    {
        policy.Enforce(VolumePolicies.GetAllBackups, call.Caller, VolumeCall.Target(call.ProjectId));
        IReadOnlyList<string> projects = [call.ProjectId];
        if (call.Query("all_tenants") is { } all && all is not ("0" or "false" or "False") && policy.IsAllowed(VolumePolicies.AllTenants, call.Caller))
        {
            projects = call.Query("project_id") is { Length: > 0 } project
                ? [project]
                : [.. (await table.Documents.ListAsync<VolumeIndexEntry>(VolumeTable.Index, cancellationToken))
                    .Where(d => d.Value.Kind == BackupRepository.Kind).Select(d => d.Value.ProjectId).Distinct(StringComparer.Ordinal)];
        }

        var list = new List<BackupRecord>();
        foreach (var project in projects)
        {
            list.AddRange(await backups.ListAsync(project, cancellationToken));
        }

        var name = call.Query("name") ?? call.Query("display_name");
        var status = call.Query("status");
        var volumeId = call.Query("volume_id");
        return list.Where(b => name is null || b.Name == name)
            .Where(b => status is null || b.Status == status)
            .Where(b => volumeId is null || b.VolumeId == volumeId)
            .ToList();
    }

    /// <summary>The sort value of <paramref name="key"/> on a backup.</summary>
    public static IComparable? SortKey(BackupRecord b, string key) => key switch
    {
        "id" => b.Id,
        "name" or "display_name" => b.Name ?? string.Empty,
        "status" => b.Status,
        "size" => b.Size,
        "updated_at" => b.UpdatedAt ?? b.CreatedAt,
        "volume_id" => b.VolumeId,
        "container" => b.Container,
        _ => b.CreatedAt,
    };

    /// <summary><c>POST /backups</c>.</summary>
    public async Task<BackupRecord> CreateAsync(VolumeCall call, JsonObject body, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var request = body.RequireObject("backup");
        policy.Enforce(VolumePolicies.CreateBackup, call.Caller, VolumeCall.Target(call.ProjectId));
        var volume = await access.VolumeAsync(call, request.RequireString("volume_id", 36), VolumePolicies.CreateBackup, cancellationToken);
        if (request["incremental"] is not null && VolumeRequests.RequireBoolean(request, "incremental"))
        {
            throw new BadRequestException("Invalid backup: Incremental backups are not supported by this backup service; create a full backup (incremental=false).");
        }

        var force = request["force"] is not null && VolumeRequests.RequireBoolean(request, "force");
        SnapshotRecord? snapshot = null;
        if (request.OptionalString("snapshot_id", 36) is { } snapshotId)
        {
            snapshot = await access.SnapshotAsync(call, snapshotId, VolumePolicies.GetSnapshot, cancellationToken);
            if (snapshot.VolumeId != volume.Id)
            {
                throw new BadRequestException($"Invalid snapshot: Snapshot {snapshotId} is not a snapshot of volume {volume.Id}.");
            }

            if (snapshot.Status != SnapshotStatus.Available)
            {
                throw new InvalidVolumeStateException($"Invalid snapshot: Snapshot to be backed up must be available, but the current status is \"{snapshot.Status}\".");
            }
        }

        var container = request.OptionalString("container", 255) ?? DefaultContainer;
        if (container.Length == 0 || container.Contains("..", StringComparison.Ordinal) || container.Contains('/', StringComparison.Ordinal))
        {
            throw new BadRequestException($"Invalid input for field/attribute container. Value: {container}.");
        }

        // A snapshot is read, not the volume, so the volume may be in use without force (as in cinder).
        var operation = force || snapshot is not null ? VolumeOperation.BackupForce : VolumeOperation.Backup;
        var now = clock.GetUtcNow();
        var backup = new BackupRecord(
            Guid.NewGuid().ToString(), volume.ProjectId, call.Caller.UserId, volume.Id, snapshot?.Id,
            request.OptionalString("name", 255), request.OptionalString("description", 255), container, volume.Size, 0,
            BackupStatus.Creating, null, volume.AvailabilityZone,
            call.Version.IsAtLeast(43) ? VolumeRequests.OptionalMetadata(request) ?? [] : [],
            snapshot?.CreatedAt ?? now, now, null);
        await quotas.ReserveAsync(volume.ProjectId, new VolumeUsage(0, 0, 0, 1, volume.Size), cancellationToken);
        string returnStatus;
        try
        {
            returnStatus = await MoveVolumeAsync(volume, operation, cancellationToken);
        }
        catch
        {
            await quotas.ReleaseAsync(volume.ProjectId, new VolumeUsage(0, 0, 0, 1, volume.Size), CancellationToken.None);
            throw;
        }

        await backups.InsertAsync(backup, cancellationToken);
        await WorkflowStarter.StartOnceAsync(durable, nameof(CreateBackupWorkflow),
            new CreateBackupInput(backup.Id, backup.ProjectId, RequestIds.Get(call.Request.HttpContext), volume.Id, snapshot?.Id, backup.BlobPrefix, returnStatus),
            VolumeWorkflowIds.CreateBackup(backup.Id), cancellationToken);
        return backup;
    }

    /// <summary><c>PUT /backups/{id}</c> (3.9+): name, description and (3.43+) metadata.</summary>
    public async Task<BackupRecord> UpdateAsync(VolumeCall call, string id, JsonObject body, CancellationToken cancellationToken)
    {
        var request = body.RequireObject("backup");
        var backup = await GetAsync(call, id, VolumePolicies.UpdateBackup, cancellationToken);
        var metadata = call.Version.IsAtLeast(43) ? VolumeRequests.OptionalMetadata(request) : null;
        return await backups.UpdateAsync(backup.ProjectId, id, b => b with
        {
            Name = request.ContainsKey("name") ? request.OptionalString("name", 255) : b.Name,
            Description = request.ContainsKey("description") ? request.OptionalString("description", 255) : b.Description,
            Metadata = metadata ?? b.Metadata,
            UpdatedAt = clock.GetUtcNow(),
        }, cancellationToken) ?? throw new VolumeResourceNotFoundException("Backup", id);
    }

    /// <summary><c>DELETE /backups/{id}</c>: from available or error, through <c>deleting</c>.</summary>
    public async Task DeleteAsync(VolumeCall call, string id, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var backup = await GetAsync(call, id, VolumePolicies.DeleteBackup, cancellationToken);
        await backups.UpdateAsync(backup.ProjectId, id, b =>
            b.Status is BackupStatus.Available or BackupStatus.Error or BackupStatus.ErrorDeleting
                ? b with { Status = BackupStatus.Deleting, UpdatedAt = clock.GetUtcNow() }
                : b.Status == BackupStatus.Deleting ? b
                : throw new InvalidVolumeStateException($"Invalid backup: Backup status must be available or error, but current status is: {b.Status}."), cancellationToken);
        await WorkflowStarter.StartOnceAsync(durable, nameof(DeleteBackupWorkflow),
            new DeleteBackupInput(id, backup.ProjectId, RequestIds.Get(call.Request.HttpContext), backup.BlobPrefix), VolumeWorkflowIds.DeleteBackup(id), cancellationToken);
    }

    /// <summary><c>POST /backups/{id}/restore</c>: onto <c>volume_id</c> (available, big enough) or a new volume named <c>name</c>.</summary>
    public async Task<BackupRestoreResult> RestoreAsync(VolumeCall call, string id, JsonObject body, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var request = body.RequireObject("restore");
        var backup = await GetAsync(call, id, VolumePolicies.RestoreBackup, cancellationToken);
        VolumeRecord? target = null;
        if (request.OptionalString("volume_id", 36) is { } volumeId)
        {
            target = await access.VolumeAsync(call, volumeId, VolumePolicies.Update, cancellationToken);
            if (target.Status != VolumeStatus.Available)
            {
                throw new InvalidVolumeStateException($"Invalid volume: Volume to be restored to must be available, but the current status is \"{target.Status}\".");
            }

            if (target.Size < backup.Size)
            {
                throw new InvalidVolumeStateException($"Invalid volume: volume size {target.Size} is too small to restore backup of size {backup.Size}.");
            }
        }

        await backups.UpdateAsync(backup.ProjectId, id, b => b.Status == BackupStatus.Available
            ? b with { Status = BackupStatus.Restoring, UpdatedAt = clock.GetUtcNow() }
            : throw new InvalidVolumeStateException($"Invalid backup: Backup status must be available, but current status is: {b.Status}."), cancellationToken);
        try
        {
            if (target is not null)
            {
                await MoveVolumeAsync(target, VolumeOperation.RestoreBackup, cancellationToken);
            }
            else
            {
                // As cinder: a new volume of the backup's size, created through the volume API (quota, scheduling).
                var name = request.OptionalString("name", 255) ?? $"restore_backup_{backup.Id}";
                target = await volumeService.CreateAsync(call, new JsonObject
                {
                    ["volume"] = new JsonObject { ["size"] = backup.Size, ["name"] = name, ["description"] = "auto-created_from_restore_from_backup" },
                }, durable, cancellationToken);
            }
        }
        catch
        {
            await backups.UpdateAsync(backup.ProjectId, id, b => b.Status == BackupStatus.Restoring ? b with { Status = BackupStatus.Available } : b, CancellationToken.None);
            throw;
        }

        var newVolume = request.OptionalString("volume_id", 36) is null;
        await WorkflowStarter.StartOnceAsync(durable, nameof(RestoreBackupWorkflow),
            new RestoreBackupInput(backup.Id, backup.ProjectId, RequestIds.Get(call.Request.HttpContext), backup.BlobPrefix, target.Id, target.ProjectId, newVolume),
            VolumeWorkflowIds.RestoreBackup(backup.Id, target.Id), cancellationToken);
        return new BackupRestoreResult(backup.Id, target.Id, target.Name);
    }

    // Moves the volume into the operation's status by compare-and-swap; returns the status it came from.
    private async Task<string> MoveVolumeAsync(VolumeRecord volume, VolumeOperation operation, CancellationToken cancellationToken)
    {
        var from = volume.Status;
        await volumes.UpdateAsync(volume.ProjectId, volume.Id, v =>
        {
            if (!VolumeTransitions.Allows(operation, v.Status))
            {
                throw new InvalidVolumeStateException(operation switch
                {
                    VolumeOperation.Backup when v.Status == VolumeStatus.InUse => "Invalid volume: Backing up an in-use volume must use the force flag.",
                    VolumeOperation.RestoreBackup => $"Invalid volume: Volume to be restored to must be available, but the current status is \"{v.Status}\".",
                    _ => $"Invalid volume: Volume to be backed up must be available or in-use, but the current status is \"{v.Status}\".",
                });
            }

            from = v.Status;
            return v with { Status = VolumeTransitions.During(operation)!, UpdatedAt = clock.GetUtcNow() };
        }, cancellationToken);
        return from;
    }
}

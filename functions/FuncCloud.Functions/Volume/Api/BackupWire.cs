using System.Text.Json.Nodes;
using FuncCloud.Functions.Volume.Services;
using FuncCloud.Shared.Volume.Api;
using FuncCloud.Shared.Volume.Backups;

namespace FuncCloud.Functions.Volume.Api;

/// <summary>Cinder's backup bodies: the summary (list, create, update), the detail per microversion, and the restore.</summary>
public static class BackupWire
{
    /// <summary>The summary view: id, name, links.</summary>
    public static JsonObject Summary(VolumeCall call, BackupRecord b) => new()
    {
        ["id"] = b.Id,
        ["name"] = b.Name,
        ["links"] = VolumeWire.Links(call, "backups", b.Id, b.ProjectId),
    };

    /// <summary>
    /// The detail view: <c>metadata</c> at 3.43+, <c>user_id</c> at 3.56+, <c>encryption_key_id</c> at 3.64+, and the
    /// owning project (<c>os-backup-project-attr:project_id</c>) at 3.18+ for those the policy lets see it.
    /// </summary>
    public static JsonObject Detail(VolumeCall call, BackupRecord b, bool showProject)
    {
        var body = new JsonObject
        {
            ["id"] = b.Id,
            ["status"] = b.Status,
            ["size"] = b.Size,
            ["object_count"] = b.ObjectCount,
            ["availability_zone"] = b.AvailabilityZone,
            ["container"] = b.Container,
            ["created_at"] = VolumeWire.Time(b.CreatedAt),
            ["updated_at"] = VolumeWire.Time(b.UpdatedAt),
            ["name"] = b.Name,
            ["description"] = b.Description,
            ["fail_reason"] = b.FailReason,
            ["volume_id"] = b.VolumeId,
            ["links"] = VolumeWire.Links(call, "backups", b.Id, b.ProjectId),
            ["is_incremental"] = false,
            ["has_dependent_backups"] = false,
            ["snapshot_id"] = b.SnapshotId,
            ["data_timestamp"] = VolumeWire.Time(b.DataTimestamp),
        };
        if (call.Version.IsAtLeast(18) && showProject)
        {
            body["os-backup-project-attr:project_id"] = b.ProjectId;
        }

        if (call.Version.IsAtLeast(43))
        {
            body["metadata"] = new JsonObject([.. b.Metadata.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))]);
        }

        if (call.Version.IsAtLeast(56))
        {
            body["user_id"] = b.UserId;
        }

        if (call.Version.IsAtLeast(64))
        {
            body["encryption_key_id"] = null;
        }

        return body;
    }

    /// <summary>The <c>restore</c> view.</summary>
    public static JsonObject Restore(BackupRestoreResult r) => new()
    {
        ["restore"] = new JsonObject { ["backup_id"] = r.BackupId, ["volume_id"] = r.VolumeId, ["volume_name"] = r.VolumeName },
    };
}

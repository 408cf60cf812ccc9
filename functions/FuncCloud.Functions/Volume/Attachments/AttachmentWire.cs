using System.Text.Json.Nodes;
using FuncCloud.Functions.Volume.Api;
using FuncCloud.Shared.Agents.Commands;
using FuncCloud.Shared.Volume.Volumes;

namespace FuncCloud.Functions.Volume.Attachments;

/// <summary>Cinder's attachment views (3.27+): the summary of lists and the detail of show, create, update and <c>detail</c>.</summary>
public static class AttachmentWire
{
    /// <summary>The sort keys lists accept (cinder sorts attachments by their columns).</summary>
    public static readonly IReadOnlySet<string> SortKeys = new HashSet<string>(StringComparer.Ordinal) { "id", "created_at", "updated_at", "status", "volume_id", "instance_id", "attach_status" };

    /// <summary>The sort value of <paramref name="key"/>; an attachment's time is when it attached (or was reserved: first).</summary>
    public static IComparable? SortKey(FoundAttachment f, string key) => key switch
    {
        "id" => f.Attachment.Id,
        "status" or "attach_status" => f.Attachment.AttachStatus,
        "volume_id" => f.Volume.Id,
        "instance_id" => f.Attachment.ServerId ?? string.Empty,
        _ => f.Attachment.AttachedAt ?? DateTimeOffset.MinValue,
    };

    /// <summary>The summary or detail view of a found attachment.</summary>
    public static JsonObject View(FoundAttachment f, bool detail) => detail ? Detail(f.Volume.Id, f.Attachment) : Summary(f.Volume.Id, f.Attachment);

    /// <summary>The detail view of a found attachment.</summary>
    public static JsonObject Detail(FoundAttachment f) => Detail(f.Volume.Id, f.Attachment);

    /// <summary><c>{"attachments": [...]}</c>.</summary>
    public static JsonObject List(IEnumerable<FoundAttachment> found, bool detail) =>
        new() { ["attachments"] = new JsonArray([.. found.Select(f => (JsonNode)View(f, detail))]) };

    /// <summary><c>id</c>, <c>status</c>, <c>instance</c>, <c>volume_id</c>.</summary>
    public static JsonObject Summary(string volumeId, VolumeAttachmentRecord a) => new()
    {
        ["id"] = a.Id,
        ["status"] = a.AttachStatus,
        ["instance"] = a.ServerId,
        ["volume_id"] = volumeId,
    };

    /// <summary>The summary plus <c>attached_at</c>, <c>detached_at</c>, <c>attach_mode</c>, <c>connection_info</c>.</summary>
    public static JsonObject Detail(string volumeId, VolumeAttachmentRecord a)
    {
        var body = Summary(volumeId, a);
        body["attached_at"] = VolumeWire.Time(a.AttachedAt);
        // Attachments are removed when deleted (cinder soft-deletes them; a deleted one is not found either way).
        body["detached_at"] = null;
        body["attach_mode"] = a.AttachMode ?? "null";
        body["connection_info"] = a.ConnectionInfo is { } c ? Connection(volumeId, a, c) : null;
        return body;
    }

    /// <summary>Cinder's connection info: the driver type and its data (what os-brick needs on the compute side).</summary>
    public static JsonObject Connection(string volumeId, VolumeAttachmentRecord a, VolumeConnectionInfo c)
    {
        var data = new JsonObject
        {
            ["volume_id"] = volumeId,
            ["access_mode"] = a.AttachMode is "ro" ? "ro" : "rw",
            ["encrypted"] = false,
            ["format"] = c.Format,
        };
        if (c.Path is { } path)
        {
            data["device_path"] = path;
        }

        if (c.TargetIqn is { } iqn)
        {
            data["target_portal"] = c.TargetPortal;
            data["target_iqn"] = iqn;
            data["target_lun"] = c.TargetLun;
            data["target_discovered"] = false;
        }

        return new JsonObject
        {
            ["driver_volume_type"] = c.DriverVolumeType,
            ["data"] = data,
            ["attachment_id"] = a.Id,
        };
    }
}

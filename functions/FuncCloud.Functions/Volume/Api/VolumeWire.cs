using System.Globalization;
using System.Text.Json.Nodes;
using FuncCloud.Shared.Volume.Api;
using FuncCloud.Shared.Volume.Snapshots;
using FuncCloud.Shared.Volume.Types;
using FuncCloud.Shared.Volume.Volumes;

namespace FuncCloud.Functions.Volume.Api;

/// <summary>The block storage api-ref's bodies for volumes, snapshots and types (keys per microversion, admin-only keys for admins).</summary>
public static class VolumeWire
{
    /// <summary>Cinder's timestamps: ISO 8601 with microseconds and no zone.</summary>
    public static string? Time(DateTimeOffset? when) => when?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture);

    /// <summary>The self and bookmark links of a resource.</summary>
    public static JsonArray Links(VolumeCall call, string collection, string id, string projectId) =>
    [
        new JsonObject { ["href"] = $"{VolumeRoutes.ProjectUrl(call.Request, projectId)}/{collection}/{id}", ["rel"] = "self" },
        new JsonObject { ["href"] = $"{Shared.OpenStack.RequestUrls.Origin(call.Request)}/{VolumeRoutes.Root}/{projectId}/{collection}/{id}", ["rel"] = "bookmark" },
    ];

    /// <summary>The summary view of <c>GET /volumes</c>.</summary>
    public static JsonObject Summary(VolumeCall call, VolumeRecord v) => new()
    {
        ["id"] = v.Id,
        ["links"] = Links(call, "volumes", v.Id, v.ProjectId),
        ["name"] = v.Name,
    };

    /// <summary>
    /// The detail view (show, create, update, <c>GET /volumes/detail</c>). <paramref name="extended"/>: the keys cinder's
    /// API extensions add to show and the detail list only (the admin's <c>os-vol-*</c> attributes and
    /// <c>volume_image_metadata</c>); create and update answer without them.
    /// </summary>
    public static JsonObject Detail(VolumeCall call, VolumeRecord v, bool admin, bool extended = true)
    {
        var body = new JsonObject
        {
            // Cinder's volume view lists the attachments that completed; reserved or attaching ones are the attachments API's.
            ["attachments"] = new JsonArray([.. v.Attachments.Where(a => a.AttachStatus is AttachmentStatus.Attached or AttachmentStatus.Detaching).Select(a => (JsonNode)new JsonObject
            {
                ["server_id"] = a.ServerId,
                ["attachment_id"] = a.Id,
                ["attached_at"] = Time(a.AttachedAt),
                ["host_name"] = a.HostName,
                ["volume_id"] = v.Id,
                ["device"] = a.Device,
                ["id"] = v.Id,
            })]),
            ["availability_zone"] = v.AvailabilityZone,
            ["bootable"] = v.Bootable ? "true" : "false",
            ["consistencygroup_id"] = null,
            ["created_at"] = Time(v.CreatedAt),
            ["description"] = v.Description,
            ["encrypted"] = false,
            ["id"] = v.Id,
            ["links"] = Links(call, "volumes", v.Id, v.ProjectId),
            // cinder shows its visible admin metadata in the map: "readonly" once the flag was ever set ("True"/"False").
            ["metadata"] = Map(v.ReadOnly || v.ReadOnlyFlagSet ? v.Metadata.Append(new("readonly", v.ReadOnly ? "True" : "False")) : v.Metadata),
            ["migration_status"] = null,
            ["multiattach"] = false,
            ["name"] = v.Name,
            ["replication_status"] = null,
            ["size"] = v.Size,
            ["snapshot_id"] = v.SnapshotId,
            ["source_volid"] = v.SourceVolumeId,
            ["status"] = v.Status,
            ["updated_at"] = Time(v.UpdatedAt),
            ["user_id"] = v.UserId,
            ["volume_type"] = v.VolumeTypeName,
        };
        if (admin && extended)
        {
            body["os-vol-host-attr:host"] = v.Host;
            body["os-vol-mig-status-attr:migstat"] = null;
            body["os-vol-mig-status-attr:name_id"] = null;
            body["os-vol-tenant-attr:tenant_id"] = v.ProjectId;
        }

        if (extended && v.VolumeImageMetadata is { } image)
        {
            body["volume_image_metadata"] = Map(image);
        }

        if (call.Version.IsAtLeast(13))
        {
            body["group_id"] = null;
        }

        if (call.Version.IsAtLeast(21) && admin)
        {
            body["provider_id"] = null;
        }

        if (call.Version.IsAtLeast(48))
        {
            body["service_uuid"] = null;
            body["shared_targets"] = false;
        }

        if (call.Version.IsAtLeast(61) && admin)
        {
            body["cluster_name"] = null;
        }

        if (call.Version.IsAtLeast(63))
        {
            body["volume_type_id"] = v.VolumeTypeId;
        }

        return body;
    }

    /// <summary>
    /// A snapshot. <paramref name="extended"/>: the <c>os-extended-snapshot-attributes</c> keys, which cinder's
    /// extension adds to show and the detail list only (create, update and the summary list go without them).
    /// </summary>
    public static JsonObject Snapshot(VolumeCall call, SnapshotRecord s, bool extended)
    {
        var body = new JsonObject
        {
            ["id"] = s.Id,
            ["created_at"] = Time(s.CreatedAt),
            ["updated_at"] = Time(s.UpdatedAt),
            ["name"] = s.Name,
            ["description"] = s.Description,
            ["volume_id"] = s.VolumeId,
            ["status"] = s.Status,
            ["size"] = s.Size,
            ["metadata"] = Map(s.Metadata),
        };
        if (extended)
        {
            body["os-extended-snapshot-attributes:progress"] = s.Status == SnapshotStatus.Available ? "100%" : "0%";
            body["os-extended-snapshot-attributes:project_id"] = s.ProjectId;
        }

        if (call.Version.IsAtLeast(14))
        {
            body["group_snapshot_id"] = null;
        }

        if (call.Version.IsAtLeast(41))
        {
            body["user_id"] = s.UserId;
        }

        return body;
    }

    /// <summary>A volume type; extra specs only for those allowed to read them.</summary>
    /// <remarks>
    /// Cinder's type views differ per call: show and list carry <c>os-volume-type-access:is_public</c> and, for those
    /// allowed to see QoS (<paramref name="showQosSpecs"/>), <c>qos_specs_id</c>; create carries the access attribute
    /// only; update neither (<paramref name="accessAttribute"/> false).
    /// </remarks>
    public static JsonObject Type(VolumeTypeRecord t, bool showExtraSpecs, bool showQosSpecs = false, bool accessAttribute = true)
    {
        var body = new JsonObject
        {
            ["id"] = t.Id,
            ["name"] = t.Name,
            ["description"] = t.Description,
            ["is_public"] = t.IsPublic,
        };
        if (accessAttribute)
        {
            body["os-volume-type-access:is_public"] = t.IsPublic;
        }

        if (showQosSpecs)
        {
            body["qos_specs_id"] = null; // QoS specs are not built: no type has one
        }

        if (showExtraSpecs)
        {
            body["extra_specs"] = Map(t.ExtraSpecs);
        }

        return body;
    }

    /// <summary>A string map as a JSON object.</summary>
    public static JsonObject Map(IEnumerable<KeyValuePair<string, string>> values)
    {
        var map = new JsonObject();
        foreach (var (key, value) in values.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            map[key] = value;
        }

        return map;
    }
}

using System.Text.Json.Nodes;
using FuncCloud.Shared.Volume.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Volume.Infrastructure;

/// <summary>
/// <c>GET /extensions</c>: the cinder API extensions this cloud really serves (any authenticated project user, as in
/// cinder). Clients and Tempest's <c>api_extensions</c> decide from this list what to use, so an alias is listed only
/// when its resources or attributes exist (docs/block-storage.md); hosts, QoS specs, transfers, manage/unmanage,
/// encryption, capabilities and consistency groups are not.
/// </summary>
public sealed class ListVolumeExtensions(CinderHttp http)
{
    /// <summary>When this list last changed (cinder reports one date per extension).</summary>
    private const string Updated = "2026-12-02T00:00:00+00:00";

    /// <summary>(alias, cinder's extension name, what it provides here).</summary>
    private static readonly (string Alias, string Name, string Description)[] Served =
    [
        ("os-admin-actions", "AdminActions", "Admin-only volume actions: reset status, force delete."),
        ("os-availability-zone", "AvailabilityZones", "Lists the availability zones of the storage pools."),
        ("backups", "Backups", "Volume backups to object storage, and their restore."),
        ("os-extended-snapshot-attributes", "ExtendedSnapshotAttributes", "Progress and project id on snapshots."),
        ("os-quota-sets", "Quotas", "Per-project quotas with usage."),
        ("scheduler-stats", "Scheduler_stats", "The storage pools and their capacity (admin)."),
        ("os-services", "Services", "The block storage services and their state (admin)."),
        ("os-types-extra-specs", "TypesExtraSpecs", "Extra specs of volume types."),
        ("os-types-manage", "TypesManage", "Create, update and delete volume types."),
        ("os-used-limits", "UsedLimits", "Usage beside the absolute limits."),
        ("os-volume-actions", "VolumeActions", "Volume actions: extend, bootable, read-only, attach state."),
        ("os-vol-host-attr", "VolumeHostAttribute", "The host of a volume as an attribute (admin)."),
        ("os-vol-image-meta", "VolumeImageMetadata", "The image metadata of volumes created from images."),
        ("os-vol-mig-status-attr", "VolumeMigStatusAttribute", "The migration status of a volume as an attribute (admin)."),
        ("os-vol-tenant-attr", "VolumeTenantAttribute", "The project of a volume as an attribute (admin)."),
        ("os-volume-type-access", "VolumeTypeAccess", "Project access to private volume types."),
    ];

    [Function(nameof(ListVolumeExtensions))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = VolumeRoutes.Project + "/extensions")] HttpRequest req,
        string projectId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, projectId, _ =>
            Task.FromResult(CinderHttp.Member("extensions", new JsonArray([.. Served.Select(e => (JsonNode)new JsonObject
            {
                ["alias"] = e.Alias,
                ["description"] = e.Description,
                ["links"] = new JsonArray(),
                ["name"] = e.Name,
                ["updated"] = Updated,
            })]))), cancellationToken);
}

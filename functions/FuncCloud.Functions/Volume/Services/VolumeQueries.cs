using System.Text.Json;
using FuncCloud.Shared.OpenStack.Errors;
using FuncCloud.Shared.Security.Policy;
using FuncCloud.Shared.Storage;
using FuncCloud.Shared.Volume;
using FuncCloud.Shared.Volume.Api;
using FuncCloud.Shared.Volume.Snapshots;
using FuncCloud.Shared.Volume.Volumes;

namespace FuncCloud.Functions.Volume.Services;

/// <summary>
/// Volume and snapshot lists: the caller's project partition (admins with <c>all_tenants</c> read every
/// project's partition, or one with <c>project_id</c>), then cinder's filters.
/// </summary>
public sealed class VolumeQueries(VolumeRepository volumes, SnapshotRepository snapshots, VolumeTable table, PolicyEnforcer policy)
{
    /// <summary>The sort keys cinder accepts for volumes.</summary>
    public static readonly IReadOnlySet<string> VolumeSortKeys = new HashSet<string> { "id", "name", "status", "size", "created_at", "updated_at", "availability_zone", "bootable", "display_name" };

    /// <summary>The sort keys for snapshots.</summary>
    public static readonly IReadOnlySet<string> SnapshotSortKeys = new HashSet<string> { "id", "name", "status", "size", "created_at", "updated_at", "volume_id", "display_name" };

    /// <summary>The volumes the caller lists, filtered.</summary>
    public async Task<IReadOnlyList<VolumeRecord>> ListVolumesAsync(VolumeCall call, CancellationToken cancellationToken)
    {
        policy.Enforce(VolumePolicies.GetAll, call.Caller, VolumeCall.Target(call.ProjectId));
        var list = new List<VolumeRecord>();
        foreach (var project in await ProjectsAsync(call, "volume", cancellationToken))
        {
            list.AddRange(await volumes.ListAsync(project, cancellationToken));
        }

        var name = call.Query("name") ?? call.Query("display_name");
        var status = call.Query("status");
        var zone = call.Query("availability_zone");
        var bootable = call.Query("bootable")?.ToLowerInvariant();
        var metadata = Metadata(call.Query("metadata"));
        return list.Where(v => name is null || v.Name == name)
            .Where(v => status is null || v.Status == status)
            .Where(v => zone is null || v.AvailabilityZone == zone)
            .Where(v => bootable is null || v.Bootable == (bootable is "true" or "1"))
            .Where(v => metadata.All(m => v.Metadata.TryGetValue(m.Key, out var value) && value == m.Value))
            .ToList();
    }

    /// <summary>The snapshots the caller lists, filtered.</summary>
    public async Task<IReadOnlyList<SnapshotRecord>> ListSnapshotsAsync(VolumeCall call, CancellationToken cancellationToken)
    {
        policy.Enforce(VolumePolicies.GetSnapshot, call.Caller, VolumeCall.Target(call.ProjectId));
        var list = new List<SnapshotRecord>();
        foreach (var project in await ProjectsAsync(call, "snapshot", cancellationToken))
        {
            list.AddRange(await snapshots.ListAsync(project, cancellationToken));
        }

        var name = call.Query("name") ?? call.Query("display_name");
        var status = call.Query("status");
        var volumeId = call.Query("volume_id");
        return list.Where(s => name is null || s.Name == name)
            .Where(s => status is null || s.Status == status)
            .Where(s => volumeId is null || s.VolumeId == volumeId)
            .ToList();
    }

    /// <summary>The sort value of <paramref name="key"/> on a volume.</summary>
    public static IComparable? VolumeKey(VolumeRecord v, string key) => key switch
    {
        "id" => v.Id,
        "name" or "display_name" => v.Name ?? string.Empty,
        "status" => v.Status,
        "size" => v.Size,
        "updated_at" => v.UpdatedAt ?? v.CreatedAt,
        "availability_zone" => v.AvailabilityZone,
        "bootable" => v.Bootable,
        _ => v.CreatedAt,
    };

    /// <summary>The sort value of <paramref name="key"/> on a snapshot.</summary>
    public static IComparable? SnapshotKey(SnapshotRecord s, string key) => key switch
    {
        "id" => s.Id,
        "name" or "display_name" => s.Name ?? string.Empty,
        "status" => s.Status,
        "size" => s.Size,
        "updated_at" => s.UpdatedAt ?? s.CreatedAt,
        "volume_id" => s.VolumeId,
        _ => s.CreatedAt,
    };

    /// <summary>The projects a list reads: the caller's, or (admins with <c>all_tenants</c>) one or every project owning <paramref name="kind"/>.</summary>
    public async Task<IReadOnlyList<string>> ProjectsAsync(VolumeCall call, string kind, CancellationToken cancellationToken)
    {
        var allTenants = call.Query("all_tenants") is { } all && all is not ("0" or "false" or "False");
        if (!allTenants || !policy.IsAllowed(VolumePolicies.AllTenants, call.Caller))
        {
            return [call.ProjectId];
        }

        if (call.Query("project_id") is { Length: > 0 } project)
        {
            return [project];
        }

        // Admin-only: the index partition names every project that owns volumes or snapshots.
        var index = await table.Documents.ListAsync<VolumeIndexEntry>(VolumeTable.Index, cancellationToken);
        return index.Where(d => d.Value.Kind == kind).Select(d => d.Value.ProjectId).Distinct(StringComparer.Ordinal).ToList();
    }

    private static Dictionary<string, string> Metadata(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        try
        {
            // cinderclient sends a Python-repr-like dict ({'k': 'v'}); accept JSON and that form.
            return JsonSerializer.Deserialize<Dictionary<string, string>>(text.Replace('\'', '"')) ?? [];
        }
        catch (JsonException)
        {
            throw new BadRequestException($"Invalid filter metadata: {text}");
        }
    }
}

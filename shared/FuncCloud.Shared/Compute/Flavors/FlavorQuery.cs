using System.Globalization;
using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.OpenStack.Errors;

namespace FuncCloud.Shared.Compute.Flavors;

/// <summary>
/// The filters and order of <c>GET /flavors[/detail]</c>, as nova applies them: public flavors (plus the
/// private ones shared with the caller's project) unless an admin passes <c>is_public=false|none</c>.
/// </summary>
public static class FlavorQuery
{
    /// <summary>Filters and sorts <paramref name="flavors"/> for <paramref name="call"/>.</summary>
    /// <exception cref="BadRequestException">A malformed filter or sort key.</exception>
    public static IReadOnlyList<Flavor> Apply(ComputeCall call, IEnumerable<Flavor> flavors, bool isAdmin)
    {
        var minRam = Number(call.Query("minRam"), "minRam");
        var minDisk = Number(call.Query("minDisk"), "minDisk");
        bool? isPublic = true;
        if (isAdmin && call.Query("is_public") is { } text)
        {
            isPublic = text.Equals("none", StringComparison.OrdinalIgnoreCase)
                ? null
                : NovaJson.ParseBoolean(text) ?? throw new BadRequestException($"Invalid is_public filter [{text}]");
        }

        var projectId = call.Caller.ProjectId;
        var selected = flavors.Where(f => !f.Disabled || isAdmin)
            .Where(f => isPublic is null
                || f.IsPublic == isPublic
                || (isPublic == true && projectId is not null && f.Projects.Contains(projectId, StringComparer.Ordinal)))
            .Where(f => minRam is null || f.RamMb >= minRam)
            .Where(f => minDisk is null || f.DiskGb >= minDisk);
        return Sort(selected, call.Query("sort_key") ?? "flavorid", call.Query("sort_dir") ?? "asc");
    }

    private static IReadOnlyList<Flavor> Sort(IEnumerable<Flavor> flavors, string key, string direction)
    {
        Func<Flavor, IComparable> selector = key switch
        {
            "flavorid" or "id" => f => f.Id,
            "name" => f => f.Name,
            "memory_mb" => f => f.RamMb,
            "vcpus" => f => f.Vcpus,
            "root_gb" => f => f.DiskGb,
            "ephemeral_gb" => f => f.EphemeralGb,
            "swap" => f => f.SwapMb,
            "rxtx_factor" => f => f.RxtxFactor,
            "created_at" => f => f.CreatedAt,
            _ => throw new BadRequestException($"Invalid sort_key {key}"),
        };
        return direction switch
        {
            "asc" => flavors.OrderBy(selector).ThenBy(f => f.Id, StringComparer.Ordinal).ToList(),
            "desc" => flavors.OrderByDescending(selector).ThenByDescending(f => f.Id, StringComparer.Ordinal).ToList(),
            _ => throw new BadRequestException($"Invalid sort_dir {direction}"),
        };
    }

    private static int? Number(string? text, string name) =>
        text is null ? null
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value
        : throw new BadRequestException($"Invalid {name} filter [{text}]");
}

using System.Globalization;
using FuncCloud.Functions.Image.Api;
using FuncCloud.Shared.Image;
using FuncCloud.Shared.OpenStack.Errors;
using FuncCloud.Shared.Security;
using Actions = FuncCloud.Functions.Image.Services.ImagePolicyDefaults.Actions;

namespace FuncCloud.Functions.Image.Services;

/// <summary>One page of images and the marker of the next page (null on the last).</summary>
public sealed record ImagePage(IReadOnlyList<ImageRecord> Images, string? NextMarker);

/// <summary><c>GET /v2/images</c>: Glance's visibility rules, filters, sort and marker pagination.</summary>
public sealed class ImageListService(ImageStore store, ImageAccess access)
{
    /// <summary>The page of images <paramref name="caller"/> asked for.</summary>
    public async Task<ImagePage> ListAsync(RequestContext caller, ImageListQuery query, CancellationToken cancellationToken)
    {
        access.Enforce(Actions.GetImages, caller, caller.ProjectId ?? string.Empty);
        var memberships = caller.ProjectId is null
            ? new Dictionary<string, string>()
            : (await store.ListMembersAsync(cancellationToken)).Select(d => d.Value).Where(m => m.MemberId == caller.ProjectId)
                .ToDictionary(m => m.ImageId, m => m.Status, StringComparer.Ordinal);
        var images = (await store.ListAsync(cancellationToken)).Select(d => d.Value)
            .Where(i => Listed(caller, i, query, memberships) && Matches(i, query))
            .ToList();
        images.Sort((a, b) => Compare(a, b, query.Sort));
        var start = 0;
        if (query.Marker is not null)
        {
            var index = images.FindIndex(i => i.Id == query.Marker);
            start = index >= 0 ? index + 1 : throw new BadRequestException($"marker not found: {query.Marker}");
        }

        var page = images.Skip(start).Take(query.Limit).ToList();
        var more = start + page.Count < images.Count && page.Count == query.Limit;
        return new ImagePage(page, more && page.Count > 0 ? page[^1].Id : null);
    }

    // Which images a list may include, before filters: Glance's default "what I can use" view.
    private static bool Listed(RequestContext caller, ImageRecord image, ImageListQuery query, Dictionary<string, string> memberships)
    {
        var own = image.Owner == caller.ProjectId;
        var membership = memberships.GetValueOrDefault(image.Id);
        var sharedWithMe = image.Visibility == ImageVisibility.Shared && membership is not null
            && (query.MemberStatus == "all" || membership == query.MemberStatus);
        if (query.Visibility is { } visibility && visibility != "all" && image.Visibility != visibility)
        {
            return false;
        }

        if (caller.IsAdmin)
        {
            return true;
        }

        return image.Visibility switch
        {
            ImageVisibility.Public => true,
            ImageVisibility.Community => own || query.Visibility is ImageVisibility.Community or "all",
            ImageVisibility.Shared => own || sharedWithMe,
            _ => own,
        };
    }

    private static bool Matches(ImageRecord image, ImageListQuery query)
    {
        if (image.OsHidden != (query.OsHidden ?? false))
        {
            return false;
        }

        if (query.Protected is { } isProtected && image.Protected != isProtected)
        {
            return false;
        }

        if ((query.SizeMin is { } min && (image.Size ?? -1) < min) || (query.SizeMax is { } max && (image.Size ?? long.MaxValue) > max))
        {
            return false;
        }

        if (query.Tags.Any(t => !image.Tags.Contains(t, StringComparer.Ordinal)))
        {
            return false;
        }

        foreach (var (key, value) in query.Filters)
        {
            if (ImageTimeFilter.Keys.Contains(key))
            {
                if (!ImageTimeFilter.Parse(key, value).Accepts(key == "created_at" ? image.CreatedAt : image.UpdatedAt))
                {
                    return false;
                }

                continue;
            }

            var actual = key switch
            {
                "name" => image.Name,
                "status" => image.Status,
                "owner" => image.Owner,
                "disk_format" => image.DiskFormat,
                "container_format" => image.ContainerFormat,
                "id" => image.Id,
                "checksum" => image.Checksum,
                "os_hash_value" => image.OsHashValue,
                "os_hash_algo" => image.OsHashAlgo,
                // Glance filters every image column by equality, numbers included (Tempest lists by size).
                "size" => image.Size?.ToString(CultureInfo.InvariantCulture),
                "virtual_size" => image.VirtualSize?.ToString(CultureInfo.InvariantCulture),
                "min_disk" => image.MinDisk.ToString(CultureInfo.InvariantCulture),
                "min_ram" => image.MinRam.ToString(CultureInfo.InvariantCulture),
                _ => image.Properties.GetValueOrDefault(key),
            };
            if (!Accepts(value, actual))
            {
                return false;
            }
        }

        return true;
    }

    // Glance's "in:a,b" operator, or an exact match.
    private static bool Accepts(string filter, string? actual) => filter.StartsWith("in:", StringComparison.Ordinal)
        ? filter[3..].Split(',').Select(v => v.Trim('"')).Contains(actual, StringComparer.Ordinal)
        : string.Equals(filter, actual, StringComparison.Ordinal);

    private static int Compare(ImageRecord a, ImageRecord b, IReadOnlyList<ImageSort> sorts)
    {
        foreach (var sort in sorts)
        {
            var result = Comparer<IComparable?>.Default.Compare(Value(a, sort.Key), Value(b, sort.Key));
            if (result != 0)
            {
                return sort.Descending ? -result : result;
            }
        }

        return 0;
    }

    private static IComparable? Value(ImageRecord image, string key) => key switch
    {
        "name" => image.Name,
        "status" => image.Status,
        "container_format" => image.ContainerFormat,
        "disk_format" => image.DiskFormat,
        "size" => image.Size,
        "id" => image.Id,
        "created_at" => image.CreatedAt,
        "updated_at" => image.UpdatedAt,
        "visibility" => image.Visibility,
        "owner" => image.Owner,
        "min_disk" => image.MinDisk,
        "min_ram" => image.MinRam,
        "virtual_size" => image.VirtualSize,
        "protected" => image.Protected,
        "os_hidden" => image.OsHidden,
        _ => null,
    };
}

using System.Globalization;
using FuncCloud.Functions.ObjectStorage.Api;
using FuncCloud.Shared.ObjectStorage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace FuncCloud.Functions.ObjectStorage.Services;

/// <summary>Containers: PUT (201/202), HEAD/GET (totals, metadata, ACLs, the object listing), POST, DELETE (409 unless empty).</summary>
public sealed class SwiftContainerService(SwiftStore store, SwiftAccess access, SwiftMetadata metadata, IOptions<ObjectStorageOptions> options, TimeProvider clock)
{
    /// <summary>PUT: creates the container (201) or updates its metadata (202).</summary>
    public async Task<IResult> PutAsync(SwiftCall call, CancellationToken cancellationToken)
    {
        await access.AuthorizeAsync(call, SwiftAccessKind.AccountWrite, cancellationToken);
        if (call.Header("X-Storage-Policy") is { Length: > 0 } policy && !policy.Equals(options.Value.StoragePolicy, StringComparison.OrdinalIgnoreCase))
        {
            throw new SwiftException(StatusCodes.Status400BadRequest, $"Invalid X-Storage-Policy '{policy}'");
        }

        var now = clock.GetUtcNow();
        var created = await store.PutContainerAsync(call.Account, call.Container, current => Apply(call, current ?? Empty(call.Container, now), now), cancellationToken);
        return SwiftResponse.Empty(created ? StatusCodes.Status201Created : StatusCodes.Status202Accepted);
    }

    /// <summary>POST: metadata, ACLs, versioning.</summary>
    public async Task<IResult> PostAsync(SwiftCall call, CancellationToken cancellationToken)
    {
        await access.AuthorizeAsync(call, SwiftAccessKind.AccountWrite, cancellationToken);
        var now = clock.GetUtcNow();
        _ = await store.UpdateContainerAsync(call.Account, call.Container, current => Apply(call, current, now), cancellationToken)
            ?? throw new SwiftException(StatusCodes.Status404NotFound);
        return SwiftResponse.Empty(StatusCodes.Status204NoContent);
    }

    /// <summary>DELETE: 204, 404, or 409 while it holds objects.</summary>
    public async Task<IResult> DeleteAsync(SwiftCall call, CancellationToken cancellationToken)
    {
        await access.AuthorizeAsync(call, SwiftAccessKind.AccountWrite, cancellationToken);
        return await store.DeleteContainerAsync(call.Account, call.Container, clock.GetUtcNow(), cancellationToken) switch
        {
            null => throw new SwiftException(StatusCodes.Status404NotFound),
            false => throw new SwiftException(StatusCodes.Status409Conflict),
            true => SwiftResponse.Empty(StatusCodes.Status204NoContent),
        };
    }

    /// <summary>HEAD (204) or GET (the listing; 204 when an empty plain listing).</summary>
    public async Task<IResult> GetAsync(SwiftCall call, CancellationToken cancellationToken)
    {
        await access.AuthorizeAsync(call, SwiftAccessKind.ContainerList, cancellationToken);
        var container = (await store.GetContainerAsync(call.Account, call.Container, cancellationToken))?.Value
            ?? throw new SwiftException(StatusCodes.Status404NotFound);
        var headers = Headers(container, access.IsOwner(call, SwiftAccessKind.AccountWrite));
        if (call.IsHead)
        {
            return SwiftResponse.Empty(StatusCodes.Status204NoContent, headers);
        }

        var format = SwiftListingWriter.Format(call);
        var query = SwiftListingQuery.From(call, options.Value.ListingLimit);
        var items = new List<ListingItem<ObjectRecord>>();
        await foreach (var item in store.ListObjectsAsync(call.Account, call.Container, query, cancellationToken))
        {
            items.Add(item);
        }

        var body = SwiftListingWriter.Objects(call.Container, items, format);
        return items.Count == 0 && format == ListingFormat.Plain
            ? SwiftResponse.Empty(StatusCodes.Status204NoContent, headers)
            : new SwiftResponse(StatusCodes.Status200OK, headers, body, SwiftListingWriter.ContentType(format));
    }

    private Dictionary<string, string> Headers(ContainerRecord container, bool owner)
    {
        var headers = new Dictionary<string, string>
        {
            ["X-Container-Object-Count"] = container.ObjectCount.ToString(CultureInfo.InvariantCulture),
            ["X-Container-Bytes-Used"] = container.BytesUsed.ToString(CultureInfo.InvariantCulture),
            ["X-Timestamp"] = SwiftTime.Timestamp(container.CreatedAt),
            ["X-Put-Timestamp"] = SwiftTime.Timestamp(container.UpdatedAt),
            ["Last-Modified"] = SwiftTime.LastModified(container.UpdatedAt),
            ["X-Storage-Policy"] = options.Value.StoragePolicy,
            ["Accept-Ranges"] = "bytes",
        };
        if (owner)
        {
            // ACLs are the owner's to see (swift hides them from ACL-granted callers).
            AddIf(headers, "X-Container-Read", container.Read);
            AddIf(headers, "X-Container-Write", container.Write);
        }

        AddIf(headers, "X-Versions-Location", container.VersionsLocation);
        AddIf(headers, "X-History-Location", container.HistoryLocation);
        SwiftMetadata.Write(headers, container.Metadata, "container");
        return headers;
    }

    private ContainerRecord Apply(SwiftCall call, ContainerRecord current, DateTimeOffset now)
    {
        var versions = Location(call, "Versions", current.VersionsLocation);
        var history = Location(call, "History", current.HistoryLocation);
        if (versions is not null && history is not null)
        {
            throw new SwiftException(StatusCodes.Status400BadRequest, "Only one of X-Versions-Location or X-History-Location may be provided");
        }

        return current with
        {
            UpdatedAt = now,
            Metadata = metadata.Apply(current.Metadata, call.Request, "container", replace: false),
            Read = Acl(call, "Read", current.Read),
            Write = Acl(call, "Write", current.Write),
            VersionsLocation = versions,
            HistoryLocation = history,
        };
    }

    private static string? Acl(SwiftCall call, string kind, string? current) =>
        call.Header($"X-Remove-Container-{kind}") is not null ? null
        : call.Header($"X-Container-{kind}") is { } value ? (value.Length == 0 ? null : value)
        : current;

    private static string? Location(SwiftCall call, string kind, string? current)
    {
        if (call.Header($"X-Remove-{kind}-Location") is not null)
        {
            return null;
        }

        if (call.Header($"X-{kind}-Location") is not { } value)
        {
            return current;
        }

        var name = Uri.UnescapeDataString(value);
        return name.Length == 0 ? null : name.Contains('/') ? throw new SwiftException(StatusCodes.Status412PreconditionFailed, $"X-{kind}-Location header must be of the form <container name>") : name;
    }

    private static ContainerRecord Empty(string name, DateTimeOffset now) =>
        new(name, now, now, new Dictionary<string, string>(), null, null, null, null, 0, 0);

    private static void AddIf(Dictionary<string, string> headers, string name, string? value)
    {
        if (value is not null)
        {
            headers[name] = value;
        }
    }
}

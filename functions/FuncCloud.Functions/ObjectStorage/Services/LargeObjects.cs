using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FuncCloud.Functions.ObjectStorage.Api;
using FuncCloud.Shared.ObjectStorage;
using Microsoft.AspNetCore.Http;

namespace FuncCloud.Functions.ObjectStorage.Services;

/// <summary>One segment of a stored static large object manifest (swift's stored form).</summary>
public sealed record SloSegment(string Name, string Hash, long Bytes, string? ContentType = null, string? LastModified = null);

/// <summary>
/// The bytes behind an object: itself, a static large object's segments (the manifest lives in the object's
/// blob), or a dynamic large object's segments (every object under <c>X-Object-Manifest: container/prefix</c>, in
/// name order, read when the object is read). Segment containers are authorized like any read of them.
/// </summary>
public sealed class LargeObjects(SwiftStore store, ObjectDataStore data, SwiftAccess access)
{
    /// <summary>The body and the ETag to send (quoted for large objects, as swift does).</summary>
    public async Task<(ObjectBody Body, string Etag)> BodyAsync(SwiftCall call, ObjectRecord record, CancellationToken cancellationToken)
    {
        if (record.StaticLargeObject)
        {
            var manifest = await ReadManifestAsync(record, cancellationToken);
            var segments = new List<ObjectSegment>();
            foreach (var segment in manifest)
            {
                var (container, name) = SplitPath(segment.Name);
                segments.Add(new ObjectSegment(segment.Bytes, null, 0, container, name, segment.Hash));
            }

            await AuthorizeSegmentsAsync(call, segments.Select(s => s.SegmentContainer!), cancellationToken);
            return (new ObjectBody(segments, record.ContentType, data, (segment, token) => ResolveAsync(call.Account, segment, token)), Quote(record.Etag));
        }

        if (record.Manifest is { } dlo)
        {
            var (container, prefix) = SplitManifest(dlo);
            await AuthorizeSegmentsAsync(call, [container], cancellationToken);
            var segments = new List<ObjectSegment>();
            using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
            var query = new ListingQuery(prefix, null, null, null, int.MaxValue, false);
            await foreach (var item in store.ListObjectsAsync(call.Account, container, query, cancellationToken))
            {
                segments.Add(new ObjectSegment(item.Value!.Size, item.Value.Blob));
                md5.AppendData(Encoding.ASCII.GetBytes(item.Value.Etag));
            }

            return (new ObjectBody(segments, record.ContentType, data), Quote(Convert.ToHexStringLower(md5.GetHashAndReset())));
        }

        return (new ObjectBody([new ObjectSegment(record.Size, record.Blob)], record.ContentType, data), record.Etag);
    }

    /// <summary>The stored manifest of a static large object.</summary>
    public async Task<IReadOnlyList<SloSegment>> ReadManifestAsync(ObjectRecord record, CancellationToken cancellationToken)
    {
        if (record.Blob is null)
        {
            return [];
        }

        await using var stream = await data.OpenReadAsync(record.Blob, 0, record.BlobSize, cancellationToken);
        return await JsonSerializer.DeserializeAsync<List<SloSegment>>(stream, SloJson.Options, cancellationToken) ?? [];
    }

    /// <summary>Splits <c>/container/object</c> (or <c>container/object</c>).</summary>
    public static (string Container, string Object) SplitPath(string path)
    {
        var trimmed = path.TrimStart('/');
        var slash = trimmed.IndexOf('/');
        return slash > 0 && slash < trimmed.Length - 1
            ? (trimmed[..slash], trimmed[(slash + 1)..])
            : throw new SwiftException(StatusCodes.Status400BadRequest, $"Invalid segment path {path}");
    }

    /// <summary>Splits <c>X-Object-Manifest: container/prefix</c> (URL-decoded).</summary>
    public static (string Container, string Prefix) SplitManifest(string manifest)
    {
        var decoded = Uri.UnescapeDataString(manifest).TrimStart('/');
        var slash = decoded.IndexOf('/');
        return slash > 0 ? (decoded[..slash], decoded[(slash + 1)..]) : throw new SwiftException(StatusCodes.Status400BadRequest, "X-Object-Manifest must be in the format container/prefix");
    }

    /// <summary>An ETag in double quotes.</summary>
    public static string Quote(string etag) => $"\"{etag}\"";

    private async Task ResolveSegmentAuthorization(SwiftCall call, string container, CancellationToken cancellationToken)
    {
        if (container == call.Container)
        {
            return;
        }

        await access.AuthorizeAsync(call with { Path = call.Path with { Container = container } }, SwiftAccessKind.ObjectRead, cancellationToken);
    }

    private async Task AuthorizeSegmentsAsync(SwiftCall call, IEnumerable<string> containers, CancellationToken cancellationToken)
    {
        if (TempUrlValidator.IsTempUrl(call.Request))
        {
            // A TempURL signs the manifest; its segments are read on the account owner's behalf, as swift does.
            return;
        }

        foreach (var container in containers.Distinct(StringComparer.Ordinal))
        {
            await ResolveSegmentAuthorization(call, container, cancellationToken);
        }
    }

    private async Task<ObjectSegment> ResolveAsync(string account, ObjectSegment segment, CancellationToken cancellationToken)
    {
        var record = (await store.GetObjectAsync(account, segment.SegmentContainer!, segment.SegmentObject!, cancellationToken))?.Value;
        if (record is null || (segment.Etag is { Length: > 0 } etag && !string.Equals(etag, record.Etag, StringComparison.OrdinalIgnoreCase)) || record.Size < segment.Length)
        {
            throw new IOException($"Segment {segment.SegmentContainer}/{segment.SegmentObject} is missing or changed.");
        }

        return segment with { Blob = record.Blob };
    }
}

/// <summary>JSON settings of SLO manifests (snake_case, as swift writes them).</summary>
public static class SloJson
{
    /// <summary>The options.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };
}

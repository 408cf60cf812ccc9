using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FuncCloud.Functions.ObjectStorage.Api;
using FuncCloud.Shared.ObjectStorage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace FuncCloud.Functions.ObjectStorage.Services;

/// <summary>A segment of an SLO manifest PUT body (<c>path</c>, optional <c>etag</c> and <c>size_bytes</c>).</summary>
public sealed record SloPutSegment(string? Path, string? Etag, long? SizeBytes);

/// <summary>
/// <c>PUT ?multipart-manifest=put</c>: validates every segment (it exists, its ETag and size match when given,
/// all but the last reach <c>min_segment_size</c>), stores swift's manifest form in the object's blob, and makes
/// the object's ETag the MD5 of the segments' ETags and its size their total, as swift does.
/// </summary>
public sealed class SloWriter(SwiftStore store, ObjectDataStore data, SwiftAccess access, SwiftMetadata metadata, SwiftObjectWriter writer, IOptions<ObjectStorageOptions> options, TimeProvider clock)
{
    private const int MaxManifestBytes = 8 * 1024 * 1024;

    /// <summary>Stores the manifest; 201 with the SLO's quoted ETag, 400 listing the bad segments.</summary>
    public async Task<IResult> PutAsync(SwiftCall call, CancellationToken cancellationToken)
    {
        await access.AuthorizeAsync(call, SwiftAccessKind.ObjectWrite, cancellationToken);
        var segments = await ReadBodyAsync(call, cancellationToken);
        if (segments.Count == 0 || segments.Count > options.Value.MaxManifestSegments)
        {
            throw new SwiftException(StatusCodes.Status400BadRequest, $"Manifest must have at least one segment and at most {options.Value.MaxManifestSegments}");
        }

        var stored = new List<SloSegment>();
        var errors = new List<string>();
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        long total = 0;
        for (var i = 0; i < segments.Count; i++)
        {
            var segment = segments[i];
            var (container, name) = LargeObjects.SplitPath(segment.Path ?? throw new SwiftException(StatusCodes.Status400BadRequest, $"Index {i}: \"path\" must be a string"));
            var segmentCall = call with { Path = call.Path with { Container = container, Object = name } };
            await access.AuthorizeAsync(segmentCall, SwiftAccessKind.ObjectRead, cancellationToken);
            var record = (await store.GetObjectAsync(call.Account, container, name, cancellationToken))?.Value;
            if (record is null)
            {
                errors.Add($"{segment.Path}, 404 Not Found");
                continue;
            }

            if (segment.Etag is { Length: > 0 } etag && !string.Equals(etag.Trim('"'), record.Etag, StringComparison.OrdinalIgnoreCase))
            {
                errors.Add($"{segment.Path}, Etag Mismatch");
            }

            if (segment.SizeBytes is { } size && size != record.Size)
            {
                errors.Add($"{segment.Path}, Size Mismatch");
            }

            if (i < segments.Count - 1 && record.Size < options.Value.MinSegmentSize)
            {
                errors.Add($"{segment.Path}, Too Small; each segment must be at least {options.Value.MinSegmentSize} bytes.");
            }

            stored.Add(new SloSegment("/" + container + "/" + name, record.Etag, record.Size, record.ContentType, SwiftTime.Listing(record.LastModified)));
            md5.AppendData(Encoding.ASCII.GetBytes(record.Etag));
            total += record.Size;
        }

        if (errors.Count > 0)
        {
            throw new SwiftException(StatusCodes.Status400BadRequest, "Errors:\n" + string.Join("\n", errors));
        }

        var sloEtag = Convert.ToHexStringLower(md5.GetHashAndReset());
        if (call.Header("ETag") is { Length: > 0 } expected && !string.Equals(expected.Trim('"'), sloEtag, StringComparison.OrdinalIgnoreCase))
        {
            throw new SwiftException(StatusCodes.Status422UnprocessableEntity);
        }

        using var manifest = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(stored, SloJson.Options));
        var written = await data.WriteAsync(call.Account, manifest, MaxManifestBytes, null, cancellationToken);
        var now = clock.GetUtcNow();
        var manifestObject = new ObjectRecord(
            call.Object, written.Blob, total, sloEtag, SwiftObjectWriter.ContentType(call), now,
            metadata.Apply(null, call.Request, "object", replace: true),
            call.Header("Content-Disposition"), call.Header("Content-Encoding"), SwiftObjectWriter.DeleteAt(call, now),
            null, StaticLargeObject: true, BlobSize: written.Size, BlobEtag: written.Md5);
        await writer.CommitAsync(call, manifestObject, cancellationToken);
        return SwiftObjectWriter.Created(manifestObject, LargeObjects.Quote(sloEtag));
    }

    private static async Task<List<SloPutSegment>> ReadBodyAsync(SwiftCall call, CancellationToken cancellationToken)
    {
        if (call.Request.ContentLength > MaxManifestBytes)
        {
            throw new SwiftException(StatusCodes.Status413PayloadTooLarge, "Manifest File > 8388608 bytes");
        }

        try
        {
            return await JsonSerializer.DeserializeAsync<List<SloPutSegment>>(call.Request.Body, SloJson.Options, cancellationToken) ?? [];
        }
        catch (JsonException)
        {
            throw new SwiftException(StatusCodes.Status400BadRequest, "Manifest must be valid JSON.\n");
        }
    }
}

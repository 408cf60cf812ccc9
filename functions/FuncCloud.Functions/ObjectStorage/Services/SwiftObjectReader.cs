using System.Globalization;
using FuncCloud.Functions.ObjectStorage.Api;
using FuncCloud.Shared.ObjectStorage;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace FuncCloud.Functions.ObjectStorage.Services;

/// <summary>
/// Object GET/HEAD: expiry (an object past <c>X-Delete-At</c> is gone), conditional requests, ranges, large
/// objects, <c>?multipart-manifest=get</c>, and the TempURL <c>inline</c>/<c>filename</c> dispositions.
/// </summary>
public sealed class SwiftObjectReader(SwiftStore store, ObjectDataStore data, SwiftAccess access, LargeObjects largeObjects, TimeProvider clock)
{
    /// <summary>GET or HEAD.</summary>
    public async Task<IResult> GetAsync(SwiftCall call, CancellationToken cancellationToken)
    {
        await access.AuthorizeAsync(call, SwiftAccessKind.ObjectRead, cancellationToken);
        var record = await LoadLiveAsync(call.Account, call.Container, call.Object, cancellationToken) ?? throw new SwiftException(StatusCodes.Status404NotFound);
        if (record.StaticLargeObject && call.Query("multipart-manifest") == "get")
        {
            var manifestHeaders = Headers(record, record.BlobEtag ?? record.Etag);
            manifestHeaders["X-Static-Large-Object"] = "True";
            var manifest = new ObjectBody([new ObjectSegment(record.BlobSize, record.Blob)], "application/json; charset=utf-8", data);
            return new ObjectStreamResult(manifest, manifestHeaders, null);
        }

        var (body, etag) = await largeObjects.BodyAsync(call, record, cancellationToken);
        CheckConditions(call, etag, record.LastModified);
        var headers = Headers(record, etag);
        Disposition(call, headers);
        var ranges = ByteRanges.Resolve(call.Header(HeaderNames.Range), body.Size);
        return new ObjectStreamResult(body, headers, ranges);
    }

    /// <summary>The object, or null when missing or past its <c>X-Delete-At</c>.</summary>
    public async Task<ObjectRecord?> LoadLiveAsync(string account, string container, string name, CancellationToken cancellationToken)
    {
        var record = (await store.GetObjectAsync(account, container, name, cancellationToken))?.Value;
        return record is { DeleteAt: { } deleteAt } && deleteAt <= clock.GetUtcNow().ToUnixTimeSeconds() ? null : record;
    }

    /// <summary>Swift's object headers (without Content-Length and Content-Type, which the body sets).</summary>
    public static Dictionary<string, string> Headers(ObjectRecord record, string etag)
    {
        var headers = new Dictionary<string, string>
        {
            ["ETag"] = etag,
            ["Last-Modified"] = SwiftTime.LastModified(record.LastModified),
            ["X-Timestamp"] = SwiftTime.Timestamp(record.LastModified),
        };
        if (record.ContentDisposition is { } disposition)
        {
            headers["Content-Disposition"] = disposition;
        }

        if (record.ContentEncoding is { } encoding)
        {
            headers["Content-Encoding"] = encoding;
        }

        if (record.DeleteAt is { } deleteAt)
        {
            headers["X-Delete-At"] = deleteAt.ToString(CultureInfo.InvariantCulture);
        }

        if (record.Manifest is { } manifest)
        {
            headers["X-Object-Manifest"] = manifest;
        }

        if (record.StaticLargeObject)
        {
            headers["X-Static-Large-Object"] = "True";
        }

        SwiftMetadata.Write(headers, record.Metadata, "object");
        return headers;
    }

    // If-Match / If-Unmodified-Since fail with 412; If-None-Match / If-Modified-Since answer 304.
    private static void CheckConditions(SwiftCall call, string etag, DateTimeOffset lastModified)
    {
        var bare = etag.Trim('"');
        var modified = SwiftTime.Ceiling(lastModified);
        if (call.Header(HeaderNames.IfMatch) is { Length: > 0 } ifMatch && !Matches(ifMatch, bare))
        {
            throw new SwiftException(StatusCodes.Status412PreconditionFailed);
        }

        if (call.Header(HeaderNames.IfUnmodifiedSince) is { } ius && TryDate(ius, out var unmodifiedSince) && modified > unmodifiedSince)
        {
            throw new SwiftException(StatusCodes.Status412PreconditionFailed);
        }

        if (call.Header(HeaderNames.IfNoneMatch) is { Length: > 0 } ifNoneMatch)
        {
            if (Matches(ifNoneMatch, bare))
            {
                throw new SwiftNotModifiedException(etag, lastModified);
            }
        }
        else if (call.Header(HeaderNames.IfModifiedSince) is { } ims && TryDate(ims, out var modifiedSince) && modified <= modifiedSince)
        {
            throw new SwiftNotModifiedException(etag, lastModified);
        }
    }

    private static bool Matches(string header, string etag) =>
        header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Any(t => t == "*" || string.Equals(t.Replace("W/", string.Empty, StringComparison.Ordinal).Trim('"'), etag, StringComparison.OrdinalIgnoreCase));

    private static bool TryDate(string text, out DateTimeOffset when) =>
        DateTimeOffset.TryParseExact(text, "R", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out when)
        || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out when);

    // TempURL downloads: ?inline shows in the browser, ?filename= names the download, else the object's base name.
    private static void Disposition(SwiftCall call, Dictionary<string, string> headers)
    {
        if (!TempUrlValidator.IsTempUrl(call.Request))
        {
            return;
        }

        var filename = call.Query("filename");
        if (call.HasQuery("inline"))
        {
            headers["Content-Disposition"] = filename is null ? "inline" : $"inline; filename=\"{filename.Replace("\"", "\\\"")}\"; filename*=UTF-8''{Uri.EscapeDataString(filename)}";
            return;
        }

        filename ??= call.Object[(call.Object.LastIndexOf('/') + 1)..];
        headers["Content-Disposition"] = $"attachment; filename=\"{filename.Replace("\"", "\\\"")}\"; filename*=UTF-8''{Uri.EscapeDataString(filename)}";
    }
}

using System.Globalization;
using FuncCloud.Functions.ObjectStorage.Api;
using FuncCloud.Shared.ObjectStorage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FuncCloud.Functions.ObjectStorage.Services;

/// <summary>
/// Object PUT (streamed into a fresh blob, ETag checked before commit, quotas, expiry, DLO manifests) and POST.
/// The object row switches to the new blob in one transaction with the container totals; the replaced blob is
/// deleted afterwards (or archived by versioning).
/// </summary>
public sealed partial class SwiftObjectWriter(
    SwiftStore store,
    ObjectDataStore data,
    SwiftAccess access,
    SwiftMetadata metadata,
    ObjectVersioning versioning,
    IOptions<ObjectStorageOptions> options,
    TimeProvider clock,
    ILogger<SwiftObjectWriter> logger)
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    /// <summary>PUT: 201 with the ETag, 411 without a length, 413 over a limit or quota, 422 on an ETag mismatch.</summary>
    public async Task<IResult> PutAsync(SwiftCall call, CancellationToken cancellationToken)
    {
        await access.AuthorizeAsync(call, SwiftAccessKind.ObjectWrite, cancellationToken);
        var request = call.Request;
        if (request.ContentLength is null && !request.Headers.TransferEncoding.ToString().Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            throw new SwiftException(StatusCodes.Status411LengthRequired);
        }

        if (request.ContentLength > options.Value.MaxFileSize)
        {
            throw new SwiftException(StatusCodes.Status413PayloadTooLarge, "Your request is too large.");
        }

        var container = (await store.GetContainerAsync(call.Account, call.Container, cancellationToken))?.Value ?? throw new SwiftException(StatusCodes.Status404NotFound);
        var now = clock.GetUtcNow();
        var deleteAt = DeleteAt(call, now);
        var maxBytes = await MaxBytesAsync(call, container, cancellationToken);
        BlobWrite written;
        try
        {
            written = await data.WriteAsync(call.Account, request.Body, maxBytes, call.Header("ETag")?.Trim('"'), cancellationToken);
        }
        catch (ObjectTooLargeException e)
        {
            throw new SwiftException(StatusCodes.Status413PayloadTooLarge, e.MaxBytes < options.Value.MaxFileSize ? "Upload exceeds quota." : "Your request is too large.");
        }
        catch (ObjectEtagMismatchException)
        {
            throw new SwiftException(StatusCodes.Status422UnprocessableEntity);
        }
        catch (Exception e) when (e is IOException or BadHttpRequestException)
        {
            throw new SwiftException(StatusCodes.Status499ClientClosedRequest, "Client Disconnect");
        }

        var record = new ObjectRecord(
            call.Object, written.Blob, written.Size, written.Md5, ContentType(call), now,
            metadata.Apply(null, request, "object", replace: true),
            call.Header("Content-Disposition"), call.Header("Content-Encoding"), deleteAt,
            call.Header("X-Object-Manifest") is { Length: > 0 } manifest ? Manifest(manifest) : null,
            BlobSize: written.Size, BlobEtag: written.Md5);
        await CommitAsync(call, record, cancellationToken);
        return Created(record, record.Etag);
    }

    /// <summary>POST: replaces the user metadata (and Content-Type, dispositions, expiry); 202.</summary>
    public async Task<IResult> PostAsync(SwiftCall call, CancellationToken cancellationToken)
    {
        await access.AuthorizeAsync(call, SwiftAccessKind.ObjectWrite, cancellationToken);
        var now = clock.GetUtcNow();
        for (var attempt = 1; ; attempt++)
        {
            var row = await store.GetObjectAsync(call.Account, call.Container, call.Object, cancellationToken);
            if (row is null || row.Value.DeleteAt <= now.ToUnixTimeSeconds())
            {
                throw new SwiftException(StatusCodes.Status404NotFound);
            }

            var updated = row.Value with
            {
                Metadata = metadata.Apply(null, call.Request, "object", replace: true),
                ContentType = call.Header("Content-Type") is { Length: > 0 } type ? type : row.Value.ContentType,
                ContentDisposition = call.Header("Content-Disposition"),
                ContentEncoding = call.Header("Content-Encoding"),
                DeleteAt = DeleteAt(call, now),

                // X-Object-Manifest is one of the object server's POST-able headers: a POST turns an object into
                // a dynamic large object (tempest's segment upload does exactly this); an empty value turns it back.
                Manifest = call.Header("X-Object-Manifest") switch
                {
                    null => row.Value.Manifest,
                    { Length: 0 } => null,
                    { } manifest => Manifest(manifest),
                },
            };
            if (await store.ReplaceObjectAsync(row, updated, cancellationToken))
            {
                await ScheduleExpiryAsync(call, updated);
                return SwiftResponse.Empty(StatusCodes.Status202Accepted);
            }

            if (attempt >= SwiftStore.MaxAttempts)
            {
                throw new SwiftException(StatusCodes.Status503ServiceUnavailable);
            }
        }
    }

    /// <summary>
    /// Stores <paramref name="record"/> (already in its blob) as the object: archives or deletes what it replaces,
    /// queues its expiry; on failure deletes the new blob so nothing leaks.
    /// </summary>
    public async Task CommitAsync(SwiftCall call, ObjectRecord record, CancellationToken cancellationToken)
    {
        ObjectWrite? write;
        try
        {
            var ifNoneMatch = call.Header("If-None-Match");
            write = await store.PutObjectAsync(call.Account, call.Container, record, (container, current) =>
            {
                if (ifNoneMatch == "*" && current is not null)
                {
                    throw new SwiftException(StatusCodes.Status412PreconditionFailed);
                }

                CheckContainerQuota(container, current, record);
            }, CancellationToken.None);
        }
        catch
        {
            await data.DeleteAsync(record.Blob, CancellationToken.None);
            throw;
        }

        if (write is null)
        {
            await data.DeleteAsync(record.Blob, CancellationToken.None);
            throw new SwiftException(StatusCodes.Status404NotFound);
        }

        if (write.Previous is { } previous && !await versioning.ArchiveAsync(call, previous, CancellationToken.None))
        {
            await data.DeleteAsync(previous.Blob, CancellationToken.None);
        }

        await ScheduleExpiryAsync(call, record);
        LogStored(logger, call.Account, call.Container, record.Size);
    }

    /// <summary>The 201 of a PUT.</summary>
    public static IResult Created(ObjectRecord record, string etag, IReadOnlyDictionary<string, string>? extra = null)
    {
        var headers = new Dictionary<string, string>
        {
            ["ETag"] = etag,
            ["Last-Modified"] = SwiftTime.LastModified(record.LastModified),
        };
        foreach (var (name, value) in extra ?? new Dictionary<string, string>())
        {
            headers[name] = value;
        }

        return SwiftResponse.Empty(StatusCodes.Status201Created, headers);
    }

    /// <summary>The content type of a PUT: the header, or guessed from the name (also when <c>X-Detect-Content-Type</c>).</summary>
    public static string ContentType(SwiftCall call)
    {
        var given = call.Header("Content-Type");
        var detect = string.Equals(call.Header("X-Detect-Content-Type"), "true", StringComparison.OrdinalIgnoreCase);
        if (given is { Length: > 0 } && !detect)
        {
            return given;
        }

        return ContentTypes.TryGetContentType(call.Object, out var guessed) ? guessed : "application/octet-stream";
    }

    /// <summary><c>X-Delete-At</c> or <c>X-Delete-After</c> as Unix seconds (400 when malformed or past).</summary>
    public static long? DeleteAt(SwiftCall call, DateTimeOffset now)
    {
        if (call.Header("X-Delete-After") is { Length: > 0 } after)
        {
            return long.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
                ? now.ToUnixTimeSeconds() + seconds
                : throw new SwiftException(StatusCodes.Status400BadRequest, "Non-integer X-Delete-After");
        }

        if (call.Header("X-Delete-At") is { Length: > 0 } at)
        {
            if (!long.TryParse(at.Split('.')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var when))
            {
                throw new SwiftException(StatusCodes.Status400BadRequest, "Non-integer X-Delete-At");
            }

            return when > now.ToUnixTimeSeconds() ? when : throw new SwiftException(StatusCodes.Status400BadRequest, "X-Delete-At in past");
        }

        return null;
    }

    /// <summary>The most bytes this PUT may store: the object size limit, the container's and the account's byte quotas.</summary>
    public async Task<long> MaxBytesAsync(SwiftCall call, ContainerRecord container, CancellationToken cancellationToken)
    {
        var max = options.Value.MaxFileSize;
        if (QuotaOf(container, "quota-bytes") is { } containerQuota)
        {
            max = Math.Min(max, Math.Max(0, containerQuota - container.BytesUsed));
        }

        var account = (await store.GetAccountAsync(call.Account, cancellationToken))?.Value;
        if (SwiftAccountService.Quota(account) is { } accountQuota)
        {
            max = Math.Min(max, Math.Max(0, accountQuota - (account?.BytesUsed ?? 0)));
        }

        if (call.Request.ContentLength > max)
        {
            throw new SwiftException(StatusCodes.Status413PayloadTooLarge, "Upload exceeds quota.");
        }

        return max;
    }

    private static void CheckContainerQuota(ContainerRecord container, ObjectRecord? current, ObjectRecord record)
    {
        if (current is null && QuotaOf(container, "quota-count") is { } count && container.ObjectCount + 1 > count)
        {
            throw new SwiftException(StatusCodes.Status413PayloadTooLarge, "Upload exceeds quota.");
        }

        if (QuotaOf(container, "quota-bytes") is { } bytes && container.BytesUsed - (current?.Size ?? 0) + record.Size > bytes)
        {
            throw new SwiftException(StatusCodes.Status413PayloadTooLarge, "Upload exceeds quota.");
        }
    }

    private static long? QuotaOf(ContainerRecord container, string key) =>
        container.Metadata.GetValueOrDefault(key) is { } text && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static string Manifest(string header)
    {
        _ = LargeObjects.SplitManifest(header);
        return header;
    }

    private Task ScheduleExpiryAsync(SwiftCall call, ObjectRecord record) => record.DeleteAt is { } deleteAt
        ? store.AddExpiryAsync(new ExpiryEntry(call.Account, call.Container, record.Name, deleteAt), CancellationToken.None)
        : Task.CompletedTask;

    [LoggerMessage(EventId = 12011, Level = LogLevel.Debug, Message = "Swift {account}/{container}: object of {size} bytes stored")]
    private static partial void LogStored(ILogger logger, string account, string container, long size);
}

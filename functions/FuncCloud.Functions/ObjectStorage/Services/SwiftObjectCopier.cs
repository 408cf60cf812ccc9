using System.IO.Pipelines;
using FuncCloud.Functions.ObjectStorage.Api;
using FuncCloud.Shared.ObjectStorage;
using Microsoft.AspNetCore.Http;

namespace FuncCloud.Functions.ObjectStorage.Services;

/// <summary>
/// Server-side copy: <c>COPY</c> with <c>Destination: container/object</c>, or <c>PUT</c> with
/// <c>X-Copy-From: container/object</c>. The bytes are copied by the blob service (no byte passes through the
/// function); metadata is the source's plus the request's (only the request's with <c>X-Fresh-Metadata: true</c>).
/// A large object is copied as swift's copy middleware does: its segments joined into one new plain object (the
/// bytes stream through the function once, bounded by a pipe), or, with <c>?multipart-manifest=get</c> on the
/// source, as the manifest itself (its segments then shared by both manifests).
/// </summary>
public sealed class SwiftObjectCopier(SwiftAccess access, SwiftStore store, SwiftObjectReader reader, SwiftObjectWriter writer, SwiftMetadata metadata, LargeObjects largeObjects, ObjectDataStore data, TimeProvider clock)
{
    private const int JoinBufferSize = 1024 * 1024;

    /// <summary>COPY: the request path is the source.</summary>
    public async Task<IResult> CopyAsync(SwiftCall call, CancellationToken cancellationToken)
    {
        var destination = call.Header("Destination") ?? throw new SwiftException(StatusCodes.Status412PreconditionFailed, "Destination header required");
        if (call.Header("Destination-Account") is { Length: > 0 } account && account != call.Account)
        {
            throw new SwiftException(StatusCodes.Status412PreconditionFailed, "Destination-Account must be the source account");
        }

        var (container, name) = Split(destination, "Destination");
        var target = call with { Path = call.Path with { Container = container, Object = name } };
        return await CopyAsync(call, target, cancellationToken);
    }

    /// <summary>PUT with X-Copy-From: the request path is the destination.</summary>
    public Task<IResult> CopyFromAsync(SwiftCall call, string copyFrom, CancellationToken cancellationToken)
    {
        var (container, name) = Split(copyFrom, "X-Copy-From");
        return CopyAsync(call with { Path = call.Path with { Container = container, Object = name } }, call, cancellationToken);
    }

    private async Task<IResult> CopyAsync(SwiftCall source, SwiftCall target, CancellationToken cancellationToken)
    {
        await access.AuthorizeAsync(source, SwiftAccessKind.ObjectRead, cancellationToken);
        await access.AuthorizeAsync(target, SwiftAccessKind.ObjectWrite, cancellationToken);
        var original = await reader.LoadLiveAsync(source.Account, source.Container, source.Object, cancellationToken) ?? throw new SwiftException(StatusCodes.Status404NotFound);
        var fresh = string.Equals(target.Header("X-Fresh-Metadata"), "true", StringComparison.OrdinalIgnoreCase);
        var userMetadata = metadata.Apply(fresh ? null : original.Metadata, target.Request, "object", replace: false);
        var isLargeObject = original.StaticLargeObject || original.Manifest is not null;
        var copyManifest = isLargeObject && string.Equals(source.Query("multipart-manifest"), "get", StringComparison.OrdinalIgnoreCase);
        string? blob;
        if (isLargeObject && !copyManifest)
        {
            original = await JoinAsync(source, target, original, cancellationToken);
            blob = original.Blob;
        }
        else
        {
            blob = original.Blob is null ? null : await data.CopyAsync(target.Account, original.Blob, cancellationToken);
        }

        var now = clock.GetUtcNow();
        var record = original with
        {
            Name = target.Object,
            Blob = blob,
            LastModified = now,
            Metadata = userMetadata,
            ContentType = target.Header("Content-Type") is { Length: > 0 } type ? type : original.ContentType,
            DeleteAt = SwiftObjectWriter.DeleteAt(target, now),
        };
        await writer.CommitAsync(target, record, cancellationToken);
        var etag = copyManifest ? LargeObjects.Quote(record.Etag) : record.Etag;
        return SwiftObjectWriter.Created(record, etag, new Dictionary<string, string>
        {
            ["X-Copied-From"] = $"{Uri.EscapeDataString(source.Container)}/{Uri.EscapeDataString(source.Object).Replace("%2F", "/", StringComparison.Ordinal)}",
            ["X-Copied-From-Last-Modified"] = SwiftTime.LastModified(original.LastModified),
        });
    }

    /// <summary>
    /// Streams a large object's joined bytes into a new blob of the target account and returns the source record
    /// turned into that plain object (its ETag the MD5 of the joined bytes, as swift's copy gives).
    /// </summary>
    private async Task<ObjectRecord> JoinAsync(SwiftCall source, SwiftCall target, ObjectRecord original, CancellationToken cancellationToken)
    {
        var container = (await store.GetContainerAsync(target.Account, target.Container, cancellationToken))?.Value ?? throw new SwiftException(StatusCodes.Status404NotFound);
        var maxBytes = await writer.MaxBytesAsync(target, container, cancellationToken);
        var (body, _) = await largeObjects.BodyAsync(source, original, cancellationToken);
        var pipe = new Pipe();
        var producer = ProduceAsync(body, pipe.Writer, cancellationToken);
        BlobWrite written;
        try
        {
            written = await data.WriteAsync(target.Account, pipe.Reader.AsStream(), maxBytes, null, cancellationToken);
        }
        catch (ObjectTooLargeException)
        {
            throw new SwiftException(StatusCodes.Status413PayloadTooLarge, "Upload exceeds quota.");
        }
        finally
        {
            await pipe.Reader.CompleteAsync();
            await producer;
        }

        return original with { Blob = written.Blob, Size = written.Size, Etag = written.Md5, BlobSize = written.Size, BlobEtag = written.Md5, Manifest = null, StaticLargeObject = false };
    }

    private static async Task ProduceAsync(ObjectBody body, PipeWriter writer, CancellationToken cancellationToken)
    {
        try
        {
            await body.CopyToAsync(writer.AsStream(leaveOpen: true), 0, body.Size, JoinBufferSize, cancellationToken);
            await writer.CompleteAsync();
        }
        catch (Exception e)
        {
            // The reader sees the failure as its read failing, and the half-written blob is dropped by WriteAsync.
            await writer.CompleteAsync(e);
        }
    }

    private static (string Container, string Object) Split(string header, string name)
    {
        var path = SwiftPath.Decode(header).TrimStart('/');
        var slash = path.IndexOf('/');
        return slash > 0 && slash < path.Length - 1
            ? (path[..slash], path[(slash + 1)..])
            : throw new SwiftException(StatusCodes.Status412PreconditionFailed, $"{name} header must be of the form <container name>/<object name>");
    }
}

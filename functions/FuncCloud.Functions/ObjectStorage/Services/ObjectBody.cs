using FuncCloud.Shared.ObjectStorage;

namespace FuncCloud.Functions.ObjectStorage.Services;

/// <summary>
/// One piece of an object's bytes: a blob range, or a large object's segment still to be looked up
/// (<see cref="SegmentContainer"/>/<see cref="SegmentObject"/>, checked against <see cref="Etag"/> when read).
/// </summary>
public sealed record ObjectSegment(long Length, string? Blob, long BlobOffset = 0, string? SegmentContainer = null, string? SegmentObject = null, string? Etag = null);

/// <summary>
/// The bytes of an object as a list of segments (one for a plain object): ranges map onto the segments, and a
/// large object's segments are resolved one at a time while streaming, so memory stays bounded by the copy buffer.
/// </summary>
public sealed class ObjectBody(IReadOnlyList<ObjectSegment> segments, string contentType, ObjectDataStore data, Func<ObjectSegment, CancellationToken, Task<ObjectSegment>>? resolve = null)
{
    /// <summary>The total size.</summary>
    public long Size { get; } = segments.Sum(s => s.Length);

    /// <summary>The content type sent with the bytes.</summary>
    public string ContentType => contentType;

    /// <summary>Copies <paramref name="length"/> bytes from <paramref name="offset"/> to <paramref name="target"/>.</summary>
    /// <exception cref="IOException">A segment vanished or changed (the response is cut short, as swift does).</exception>
    public async Task CopyToAsync(Stream target, long offset, long length, int bufferSize, CancellationToken cancellationToken)
    {
        long position = 0;
        foreach (var segment in segments)
        {
            var (start, end) = (position, position + segment.Length);
            position = end;
            if (end <= offset || segment.Length == 0)
            {
                continue;
            }

            if (start >= offset + length)
            {
                break;
            }

            var from = Math.Max(offset, start) - start;
            var to = Math.Min(offset + length, end) - start;
            var resolved = segment.Blob is null && resolve is not null ? await resolve(segment, cancellationToken) : segment;
            if (resolved.Blob is null)
            {
                throw new IOException($"Segment {segment.SegmentContainer}/{segment.SegmentObject} has no data.");
            }

            await using var stream = await data.OpenReadAsync(resolved.Blob, resolved.BlobOffset + from, to - from, cancellationToken);
            await stream.CopyToAsync(target, bufferSize, cancellationToken);
        }
    }
}

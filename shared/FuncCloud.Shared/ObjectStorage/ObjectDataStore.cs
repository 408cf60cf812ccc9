using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using FuncCloud.Shared.Storage;

namespace FuncCloud.Shared.ObjectStorage;

/// <summary>What an upload stored: the blob (null for an empty body), its size and MD5 (hex, swift's ETag).</summary>
public sealed record BlobWrite(string? Blob, long Size, string Md5);

/// <summary>
/// Object bytes in the <c>swift</c> blob container. Every write goes to a fresh blob <c>{account}/{uuid}</c> and
/// the object row is switched to it afterwards, so an overwrite is atomic, concurrent writers never mix bytes
/// and a failed upload leaves nothing visible. Bodies stream in blocks of <see cref="BlockSize"/> (hashed on the
/// way) committed at the end: memory stays bounded by one block whatever the size.
/// </summary>
public sealed class ObjectDataStore(BlobServiceClient blobs, StorageNames names)
{
    /// <summary>The block size of uploads (also the per-upload memory bound).</summary>
    public const int BlockSize = 4 * 1024 * 1024;

    private readonly BlobContainerClient _container = blobs.GetBlobContainerClient(names.Container("swift"));
    private readonly CreateOnce _created = new(() => blobs.GetBlobContainerClient(names.Container("swift")).CreateIfNotExistsAsync());

    /// <summary>
    /// Streams <paramref name="source"/> into a new blob of <paramref name="account"/>. Nothing is committed when the
    /// body passes <paramref name="maxBytes"/> or its MD5 is not <paramref name="expectedMd5"/> (when given).
    /// </summary>
    /// <exception cref="ObjectTooLargeException">More than <paramref name="maxBytes"/> arrived.</exception>
    /// <exception cref="ObjectEtagMismatchException">The body's MD5 differs from <paramref name="expectedMd5"/>.</exception>
    public async Task<BlobWrite> WriteAsync(string account, Stream source, long maxBytes, string? expectedMd5, CancellationToken cancellationToken)
    {
        await _created.Value;
        var blob = _container.GetBlockBlobClient($"{account}/{Guid.NewGuid():N}");
        var blockIds = new List<string>();
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        var buffer = ArrayPool<byte>.Shared.Rent(BlockSize);
        long total = 0;
        try
        {
            while (true)
            {
                var filled = await source.ReadAtLeastAsync(buffer.AsMemory(0, BlockSize), BlockSize, throwOnEndOfStream: false, cancellationToken);
                total += filled;
                if (total > maxBytes)
                {
                    throw new ObjectTooLargeException(maxBytes);
                }

                md5.AppendData(buffer, 0, filled);
                if (filled < BlockSize && blockIds.Count == 0)
                {
                    // The whole body fits in one block: check it, then one Put Blob instead of Put Block + Put Block List.
                    var digest = Check(md5, expectedMd5);
                    if (filled == 0)
                    {
                        return new BlobWrite(null, 0, digest);
                    }

                    using var whole = new MemoryStream(buffer, 0, filled, writable: false);
                    await blob.UploadAsync(whole, new BlobUploadOptions { HttpHeaders = OctetStream }, cancellationToken);
                    return new BlobWrite(blob.Name, total, digest);
                }

                if (filled > 0)
                {
                    var blockId = Convert.ToBase64String(Encoding.ASCII.GetBytes($"{blockIds.Count:D8}"));
                    using var block = new MemoryStream(buffer, 0, filled, writable: false);
                    await blob.StageBlockAsync(blockId, block, cancellationToken: cancellationToken);
                    blockIds.Add(blockId);
                }

                if (filled < BlockSize)
                {
                    break;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        var md5Hex = Check(md5, expectedMd5);
        await blob.CommitBlockListAsync(blockIds, new CommitBlockListOptions { HttpHeaders = OctetStream }, cancellationToken);
        return new BlobWrite(blob.Name, total, md5Hex);
    }

    /// <summary>Copies <paramref name="sourceBlob"/> into a new blob of <paramref name="account"/> inside the storage service (no bytes pass through here).</summary>
    public async Task<string> CopyAsync(string account, string sourceBlob, CancellationToken cancellationToken)
    {
        await _created.Value;
        var target = _container.GetBlobClient($"{account}/{Guid.NewGuid():N}");
        var operation = await target.StartCopyFromUriAsync(_container.GetBlobClient(sourceBlob).Uri, cancellationToken: cancellationToken);
        await operation.WaitForCompletionAsync(cancellationToken);
        return target.Name;
    }

    /// <summary>Streams <paramref name="length"/> bytes of the blob from <paramref name="offset"/>.</summary>
    public async Task<Stream> OpenReadAsync(string blob, long offset, long length, CancellationToken cancellationToken)
    {
        var response = await _container.GetBlobClient(blob).DownloadStreamingAsync(new BlobDownloadOptions { Range = new HttpRange(offset, length) }, cancellationToken);
        return response.Value.Content;
    }

    /// <summary>Deletes a blob if it exists (null is nothing to delete).</summary>
    public async Task DeleteAsync(string? blob, CancellationToken cancellationToken)
    {
        if (blob is null)
        {
            return;
        }

        await _created.Value;
        await _container.GetBlobClient(blob).DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken);
    }

    private static readonly BlobHttpHeaders OctetStream = new() { ContentType = "application/octet-stream" };

    private static string Check(IncrementalHash md5, string? expected)
    {
        var actual = Convert.ToHexStringLower(md5.GetHashAndReset());
        return expected is null || string.Equals(expected, actual, StringComparison.OrdinalIgnoreCase) ? actual : throw new ObjectEtagMismatchException(expected, actual);
    }
}

/// <summary>An upload passed the largest size allowed (object size limit or a quota).</summary>
public sealed class ObjectTooLargeException(long maxBytes) : Exception($"The object exceeds {maxBytes} bytes.")
{
    /// <summary>The allowed size.</summary>
    public long MaxBytes { get; } = maxBytes;
}

/// <summary>The body's MD5 is not the ETag the client sent.</summary>
public sealed class ObjectEtagMismatchException(string expected, string actual) : Exception($"ETag {expected} does not match the body's MD5 {actual}.");

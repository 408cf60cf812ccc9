using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using FuncCloud.Shared.Storage;

namespace FuncCloud.Shared.Image;

/// <summary>
/// What a finished upload measured: Glance's <c>size</c>, <c>checksum</c>, multihash and <c>virtual_size</c>
/// (null when the data was not inspected or its format is one the inspector does not read).
/// </summary>
public sealed record ImageDataDigest(long Size, string Md5, string Sha512, long? VirtualSize = null);

/// <summary>
/// Image bytes in the <c>images</c> blob container: <c>data/{id}</c> holds an image's data,
/// <c>staging/{id}</c> what glance-direct staged. Uploads stream: blocks of <see cref="BlockSize"/> are
/// staged as they arrive (hashed on the way) and committed only at the end, so an interrupted upload
/// leaves nothing visible and memory stays bounded by one block whatever the image size.
/// </summary>
public sealed class ImageDataStore(BlobServiceClient blobs, StorageNames names)
{
    /// <summary>The block size of uploads (also the per-upload memory bound).</summary>
    public const int BlockSize = 4 * 1024 * 1024;

    private readonly BlobContainerClient _container = blobs.GetBlobContainerClient(names.Container("images"));
    private readonly CreateOnce _created = new(() => blobs.GetBlobContainerClient(names.Container("images")).CreateIfNotExistsAsync());

    /// <summary>The blob of an image's data.</summary>
    public BlobClient DataBlob(string imageId) => _container.GetBlobClient("data/" + imageId);

    /// <summary>The blob of an image's staged data (glance-direct import).</summary>
    public BlobClient StagingBlob(string imageId) => _container.GetBlobClient("staging/" + imageId);

    /// <summary>
    /// Streams <paramref name="source"/> into <paramref name="target"/>, hashing as it goes.
    /// <paramref name="maxBytes"/> bounds the size (quota): passing it throws before anything is committed.
    /// </summary>
    /// <exception cref="ImageDataTooLargeException">More than <paramref name="maxBytes"/> arrived.</exception>
    public Task<ImageDataDigest> WriteAsync(BlobClient target, Stream source, long maxBytes, CancellationToken cancellationToken) =>
        WriteAsync(target, source, maxBytes, null, cancellationToken);

    /// <summary>
    /// Streams <paramref name="source"/> into <paramref name="target"/> as above, and feeds the bytes to
    /// <paramref name="inspector"/> (its verdict comes before the first block is staged, so refused data costs one block read).
    /// </summary>
    /// <exception cref="ImageDataTooLargeException">More than <paramref name="maxBytes"/> arrived.</exception>
    /// <exception cref="InvalidImageDataException">The inspector refused the data; nothing is committed.</exception>
    public async Task<ImageDataDigest> WriteAsync(BlobClient target, Stream source, long maxBytes, DiskFormatInspector? inspector, CancellationToken cancellationToken)
    {
        await _created.Value;
        var blob = _container.GetBlockBlobClient(target.Name);
        var attempt = Guid.NewGuid().ToString("N");
        var blockIds = new List<string>();
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        using var sha512 = IncrementalHash.CreateHash(HashAlgorithmName.SHA512);
        var buffer = ArrayPool<byte>.Shared.Rent(BlockSize);
        long total = 0;
        try
        {
            while (true)
            {
                var filled = await source.ReadAtLeastAsync(buffer.AsMemory(0, BlockSize), BlockSize, throwOnEndOfStream: false, cancellationToken);
                if (filled == 0)
                {
                    break;
                }

                total += filled;
                if (total > maxBytes)
                {
                    throw new ImageDataTooLargeException(maxBytes);
                }

                inspector?.Feed(buffer.AsSpan(0, filled));
                md5.AppendData(buffer, 0, filled);
                sha512.AppendData(buffer, 0, filled);

                // Block ids are unique per attempt, so blocks of an abandoned attempt never get committed.
                var blockId = Convert.ToBase64String(Encoding.ASCII.GetBytes($"{attempt}-{blockIds.Count:D8}"));
                using var block = new MemoryStream(buffer, 0, filled, writable: false);
                await blob.StageBlockAsync(blockId, block, cancellationToken: cancellationToken);
                blockIds.Add(blockId);
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

        var virtualSize = inspector?.Complete(total);
        await blob.CommitBlockListAsync(blockIds, new CommitBlockListOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/octet-stream" } }, cancellationToken);
        return new ImageDataDigest(total, Convert.ToHexStringLower(md5.GetHashAndReset()), Convert.ToHexStringLower(sha512.GetHashAndReset()), virtualSize);
    }

    /// <summary>Streams <paramref name="length"/> bytes of the blob from <paramref name="offset"/>.</summary>
    public async Task<Stream> OpenReadAsync(BlobClient blob, long offset, long? length, CancellationToken cancellationToken)
    {
        var response = await blob.DownloadStreamingAsync(new BlobDownloadOptions { Range = new HttpRange(offset, length) }, cancellationToken);
        return response.Value.Content;
    }

    /// <summary>Deletes a blob if it exists.</summary>
    public async Task DeleteAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        await _created.Value;
        await blob.DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken);
    }
}

/// <summary>An upload passed the size the quota allows.</summary>
public sealed class ImageDataTooLargeException(long maxBytes)
    : Exception($"The image data exceeds the {maxBytes} bytes the quota allows.")
{
    /// <summary>The allowed size.</summary>
    public long MaxBytes { get; } = maxBytes;
}

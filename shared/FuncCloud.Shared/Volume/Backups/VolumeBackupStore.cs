using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using FuncCloud.Shared.Storage;

namespace FuncCloud.Shared.Volume.Backups;

/// <summary>What a backup wrote: the volume bytes read, the blobs written (chunks + manifest), the bytes stored.</summary>
public sealed record VolumeBackupDigest(long SizeBytes, int ObjectCount, long StoredBytes);

/// <summary>A backup's manifest: the raw size, the chunk size and the stored (non-zero) chunks with their SHA-256.</summary>
public sealed record VolumeBackupManifest(long SizeBytes, int ChunkSize, IReadOnlyList<VolumeBackupChunk> Chunks);

/// <summary>One stored chunk: its index (offset = index × chunk size), length and SHA-256 (hex).</summary>
public sealed record VolumeBackupChunk(long Index, int Length, string Sha256);

/// <summary>The backup is missing or damaged (no manifest, a chunk missing or not matching its hash).</summary>
public sealed class VolumeBackupDataException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Volume backups in the <c>volume-backups</c> blob container, laid out like cinder's chunked backup drivers:
/// the volume's raw bytes cut into <see cref="ChunkSize"/> chunks, each non-zero chunk one block blob
/// <c>{prefix}chunk-{index}</c>, and a <c>{prefix}manifest</c> written last (a backup without one is incomplete).
/// All-zero chunks are not stored, so a thin 1 GB volume with little data costs little. Reading and writing hold
/// one chunk in memory at a time whatever the volume size.
/// </summary>
public sealed class VolumeBackupStore(BlobServiceClient blobs, StorageNames names)
{
    /// <summary>The logical container name.</summary>
    public const string ContainerName = "volume-backups";

    /// <summary>The chunk size (also the per-backup memory bound).</summary>
    public const int ChunkSize = 4 * 1024 * 1024;

    private const string ManifestName = "manifest";

    private readonly BlobContainerClient _container = blobs.GetBlobContainerClient(names.Container(ContainerName));

    /// <summary>Streams <paramref name="raw"/> (a volume's raw bytes, read to the end) into blobs under <paramref name="prefix"/>.</summary>
    public async Task<VolumeBackupDigest> WriteAsync(string prefix, Stream raw, CancellationToken cancellationToken)
    {
        await _container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            var chunks = new List<VolumeBackupChunk>();
            long size = 0;
            long stored = 0;
            for (long index = 0; ; index++)
            {
                var read = await raw.ReadAtLeastAsync(buffer.AsMemory(0, ChunkSize), ChunkSize, throwOnEndOfStream: false, cancellationToken);
                if (read == 0)
                {
                    break;
                }

                size += read;
                var chunk = buffer.AsMemory(0, read);
                if (chunk.Span.IndexOfAnyExcept((byte)0) >= 0)
                {
                    await _container.GetBlobClient(ChunkName(prefix, index)).UploadAsync(new BinaryData(chunk), overwrite: true, cancellationToken);
                    chunks.Add(new VolumeBackupChunk(index, read, Convert.ToHexStringLower(SHA256.HashData(chunk.Span))));
                    stored += read;
                }

                if (read < ChunkSize)
                {
                    break;
                }
            }

            var manifest = new VolumeBackupManifest(size, ChunkSize, chunks);
            await _container.GetBlobClient(prefix + ManifestName).UploadAsync(BinaryData.FromObjectAsJson(manifest), overwrite: true, cancellationToken);
            return new VolumeBackupDigest(size, chunks.Count + 1, stored);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The manifest of the backup under <paramref name="prefix"/>.</summary>
    /// <exception cref="VolumeBackupDataException">No manifest (the backup never completed or was deleted).</exception>
    public async Task<VolumeBackupManifest> ManifestAsync(string prefix, CancellationToken cancellationToken)
    {
        try
        {
            var content = await _container.GetBlobClient(prefix + ManifestName).DownloadContentAsync(cancellationToken);
            return content.Value.Content.ToObjectFromJson<VolumeBackupManifest>()
                ?? throw new VolumeBackupDataException($"The manifest of backup {prefix} is empty.");
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            throw new VolumeBackupDataException($"Backup {prefix} has no manifest in container {ContainerName}.", e);
        }
        catch (JsonException e)
        {
            throw new VolumeBackupDataException($"The manifest of backup {prefix} is not valid: {e.Message}", e);
        }
    }

    /// <summary>
    /// Writes the backup's stored chunks into <paramref name="target"/> (a seekable raw image at least the backup's
    /// size whose unwritten ranges read as zeros), each checked against its hash.
    /// </summary>
    /// <exception cref="VolumeBackupDataException">A chunk is missing or damaged.</exception>
    public async Task<VolumeBackupManifest> RestoreAsync(string prefix, Stream target, CancellationToken cancellationToken)
    {
        var manifest = await ManifestAsync(prefix, cancellationToken);
        foreach (var chunk in manifest.Chunks)
        {
            BinaryData data;
            try
            {
                data = (await _container.GetBlobClient(ChunkName(prefix, chunk.Index)).DownloadContentAsync(cancellationToken)).Value.Content;
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                throw new VolumeBackupDataException($"Backup {prefix} lost chunk {chunk.Index}.", e);
            }

            var bytes = data.ToMemory();
            if (bytes.Length != chunk.Length || Convert.ToHexStringLower(SHA256.HashData(bytes.Span)) != chunk.Sha256)
            {
                throw new VolumeBackupDataException($"Chunk {chunk.Index} of backup {prefix} does not match its hash.");
            }

            target.Seek(chunk.Index * manifest.ChunkSize, SeekOrigin.Begin);
            await target.WriteAsync(bytes, cancellationToken);
        }

        await target.FlushAsync(cancellationToken);
        return manifest;
    }

    /// <summary>Deletes every blob under <paramref name="prefix"/>; none is fine. Returns how many were deleted.</summary>
    public async Task<int> DeleteAsync(string prefix, CancellationToken cancellationToken)
    {
        if (!(await _container.ExistsAsync(cancellationToken)).Value)
        {
            return 0;
        }

        var deleted = 0;
        await foreach (var blob in _container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, cancellationToken))
        {
            await _container.DeleteBlobIfExistsAsync(blob.Name, cancellationToken: cancellationToken);
            deleted++;
        }

        return deleted;
    }

    /// <summary>The names of the blobs under <paramref name="prefix"/> (for tests and diagnostics).</summary>
    public async Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        if ((await _container.ExistsAsync(cancellationToken)).Value)
        {
            await foreach (var blob in _container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, cancellationToken))
            {
                names.Add(blob.Name);
            }
        }

        return names;
    }

    private static string ChunkName(string prefix, long index) => $"{prefix}chunk-{index:D8}";
}

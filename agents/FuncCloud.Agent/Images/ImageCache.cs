using System.Collections.Concurrent;
using System.Security.Cryptography;
using FuncCloud.Shared.Image;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FuncCloud.Agent.Images;

/// <summary>
/// The node's image cache, shared by every instance on the node: an image is downloaded once (concurrent
/// requests for the same id await the same download), streamed to a temp file while hashing, verified
/// against the image record (size, md5 <c>checksum</c>, sha512 <c>os_hash_value</c>) and only then renamed
/// into place atomically, so a cached file is always complete and correct. Active image data is immutable
/// in Glance, so a cached file never goes stale.
/// </summary>
public sealed partial class ImageCache(IImageApi api, IOptions<ImageCacheOptions> options, ILogger<ImageCache> logger)
{
    private const int BufferSize = 1024 * 1024;
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _downloads = new(StringComparer.Ordinal);

    /// <summary>The local path of image <paramref name="imageId"/>, downloading it first if needed.</summary>
    /// <exception cref="ImageNotAvailableException">The image has no downloadable data.</exception>
    /// <exception cref="ImageVerificationException">The downloaded data does not match the record.</exception>
    public async Task<string> GetAsync(string imageId, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(imageId, out _))
        {
            // Ids become file names: never let one escape the cache folder.
            throw new ArgumentException($"'{imageId}' is not an image id.", nameof(imageId));
        }

        var path = PathOf(imageId);
        if (File.Exists(path))
        {
            return path;
        }

        // One shared download per image; it runs to completion even if this caller gives up, so others
        // waiting on it are not cancelled by one impatient caller.
        var download = _downloads.GetOrAdd(imageId, id => new Lazy<Task<string>>(() => DownloadAsync(id)));
        try
        {
            return await download.Value.WaitAsync(cancellationToken);
        }
        finally
        {
            if (download.Value.IsCompleted)
            {
                _downloads.TryRemove(new KeyValuePair<string, Lazy<Task<string>>>(imageId, download));
            }
        }
    }

    /// <summary>The path an image is (or would be) cached at.</summary>
    public string PathOf(string imageId) => Path.Combine(options.Value.Directory, imageId);

    private async Task<string> DownloadAsync(string imageId)
    {
        var path = PathOf(imageId);
        if (File.Exists(path))
        {
            return path;
        }

        var image = await api.GetImageAsync(imageId, CancellationToken.None);
        if (image.Status != ImageStatus.Active)
        {
            throw new ImageNotAvailableException(imageId, image.Status);
        }

        var partial = Path.Combine(options.Value.Directory, ".partial");
        Directory.CreateDirectory(partial);
        var temp = Path.Combine(partial, $"{imageId}.{Guid.NewGuid():N}");
        try
        {
            var (size, md5, sha512) = await WriteAsync(imageId, temp);
            Verify(image, size, md5, sha512);
            File.Move(temp, path, overwrite: true);
            LogCached(logger, imageId, size, path);
            return path;
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private async Task<(long Size, string Md5, string Sha512)> WriteAsync(string imageId, string temp)
    {
        using var response = await api.DownloadAsync(imageId, CancellationToken.None);
        response.EnsureSuccessStatusCode();
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        using var sha512 = IncrementalHash.CreateHash(HashAlgorithmName.SHA512);
        await using var source = await response.Content.ReadAsStreamAsync();
        await using var target = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous);
        var buffer = new byte[BufferSize];
        long size = 0;
        int read;
        while ((read = await source.ReadAsync(buffer)) > 0)
        {
            md5.AppendData(buffer, 0, read);
            sha512.AppendData(buffer, 0, read);
            await target.WriteAsync(buffer.AsMemory(0, read));
            size += read;
        }

        await target.FlushAsync();
        target.Flush(flushToDisk: true);
        return (size, Convert.ToHexStringLower(md5.GetHashAndReset()), Convert.ToHexStringLower(sha512.GetHashAndReset()));
    }

    private static void Verify(ImageView image, long size, string md5, string sha512)
    {
        if (image.Size is { } expected && expected != size)
        {
            throw new ImageVerificationException(image.Id, $"{size} bytes received, the image has {expected}");
        }

        if (image.Checksum is { } checksum && !string.Equals(checksum, md5, StringComparison.OrdinalIgnoreCase))
        {
            throw new ImageVerificationException(image.Id, $"md5 {md5} differs from checksum {checksum}");
        }

        if (image.OsHashAlgo == "sha512" && image.OsHashValue is { } hash && !string.Equals(hash, sha512, StringComparison.OrdinalIgnoreCase))
        {
            throw new ImageVerificationException(image.Id, "sha512 differs from os_hash_value");
        }
    }

    [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "Image {imageId} cached: {size} bytes at {path}")]
    private static partial void LogCached(ILogger logger, string imageId, long size, string path);
}

using System.Text.Json;
using System.Text.Json.Serialization;
using Refit;

namespace FuncCloud.Shared.Image;

/// <summary>
/// The Glance v2 calls node agents make (with their own credential), relative to the public endpoint,
/// e.g. <c>http://127.0.0.1:7071</c>.
/// </summary>
public interface IImageApi
{
    /// <summary><c>GET /image/v2/images/{imageId}</c>.</summary>
    [Get("/image/v2/images/{imageId}")]
    Task<ImageView> GetImageAsync(string imageId, CancellationToken cancellationToken);

    /// <summary>
    /// <c>GET /image/v2/images/{imageId}/file</c>: the data, streamed (the caller reads and disposes the
    /// response; Refit sends with <c>ResponseHeadersRead</c>, so nothing is buffered).
    /// </summary>
    [Get("/image/v2/images/{imageId}/file")]
    Task<HttpResponseMessage> DownloadAsync(string imageId, CancellationToken cancellationToken);

    /// <summary>
    /// <c>PUT /image/v2/images/{imageId}/file</c>: uploads the data of a queued image, which becomes active
    /// (204). <paramref name="data"/> is sent as it is: pass a <see cref="StreamContent"/> with
    /// <c>Content-Type: application/octet-stream</c> so the bytes stream (chunked when the length is unknown)
    /// and are never buffered whole. 409 unless the image is queued; 413 over the owner's quota.
    /// </summary>
    [Put("/image/v2/images/{imageId}/file")]
    Task UploadAsync(string imageId, [Body] HttpContent data, CancellationToken cancellationToken);
}

/// <summary>An image as Glance v2 returns it; additional properties land in <see cref="Properties"/>.</summary>
public sealed record ImageView
{
    [JsonPropertyName("id")] public required string Id { get; init; }

    [JsonPropertyName("name")] public string? Name { get; init; }

    [JsonPropertyName("status")] public required string Status { get; init; }

    [JsonPropertyName("visibility")] public string? Visibility { get; init; }

    [JsonPropertyName("owner")] public string? Owner { get; init; }

    [JsonPropertyName("disk_format")] public string? DiskFormat { get; init; }

    [JsonPropertyName("container_format")] public string? ContainerFormat { get; init; }

    [JsonPropertyName("size")] public long? Size { get; init; }

    [JsonPropertyName("virtual_size")] public long? VirtualSize { get; init; }

    [JsonPropertyName("checksum")] public string? Checksum { get; init; }

    [JsonPropertyName("os_hash_algo")] public string? OsHashAlgo { get; init; }

    [JsonPropertyName("os_hash_value")] public string? OsHashValue { get; init; }

    [JsonPropertyName("min_disk")] public int MinDisk { get; init; }

    [JsonPropertyName("min_ram")] public int MinRam { get; init; }

    [JsonPropertyName("protected")] public bool Protected { get; init; }

    [JsonPropertyName("tags")] public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Every other top-level member: <c>kernel_id</c>, <c>ramdisk_id</c>, <c>hw_*</c>, links...</summary>
    [JsonExtensionData] public Dictionary<string, JsonElement> Properties { get; init; } = [];
}

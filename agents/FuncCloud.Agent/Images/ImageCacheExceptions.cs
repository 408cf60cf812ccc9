namespace FuncCloud.Agent.Images;

/// <summary>The image cannot be cached: it has no data yet, or is deactivated.</summary>
public sealed class ImageNotAvailableException(string imageId, string status)
    : Exception($"Image {imageId} is '{status}': only active images can be downloaded.")
{
    /// <summary>The image.</summary>
    public string ImageId { get; } = imageId;
}

/// <summary>The downloaded bytes do not match the image record (size, md5 or sha512); nothing was cached.</summary>
public sealed class ImageVerificationException(string imageId, string detail)
    : Exception($"Image {imageId} failed verification: {detail}.")
{
    /// <summary>The image.</summary>
    public string ImageId { get; } = imageId;
}

using FuncCloud.Shared.Image;

namespace FuncCloud.Shared.Telemetry.Samples;

/// <summary>The event meter of an image upload (ceilometer's <c>image.size</c> from <c>image.upload</c>), owned by the image's owner.</summary>
public static class ImageMeters
{
    /// <summary>The image's size once its data is in.</summary>
    public static Sample Uploaded(ImageRecord image) =>
        Meters.Of(Meters.ImageSize, image.Size ?? 0, image.UpdatedAt, image.Id, "image") with
        {
            ProjectId = image.Owner,
            Attributes = new Dictionary<string, string?>
            {
                ["name"] = image.Name ?? string.Empty,
                ["container_format"] = image.ContainerFormat ?? string.Empty,
                ["disk_format"] = image.DiskFormat ?? string.Empty,
            },
        };
}

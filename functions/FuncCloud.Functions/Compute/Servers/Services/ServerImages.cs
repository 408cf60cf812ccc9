using Microsoft.Extensions.Options;

namespace FuncCloud.Functions.Compute.Servers.Services;

/// <summary>What the servers API needs of an image: it must exist, be active, and fit the flavor.</summary>
public sealed record ServerImage(string Id, string Name, string Status, int MinDiskGb, int MinRamMb, IReadOnlyDictionary<string, string> Properties)
{
    public string? KernelId => Properties.GetValueOrDefault("kernel_id");

    public string? RamdiskId => Properties.GetValueOrDefault("ramdisk_id");
}

/// <summary>
/// The image seam of the servers API. The Glance records are not in this branch's main yet: until they are,
/// <see cref="ConfiguredServerImageSource"/> serves the images listed in <c>FuncCloud:Compute:Images</c>;
/// swapping in a reader over the image store changes nothing else.
/// </summary>
public interface IServerImageSource
{
    /// <summary>The image <paramref name="imageRef"/> (an id, or a name when unique), or null.</summary>
    Task<ServerImage?> FindAsync(string imageRef, CancellationToken cancellationToken);
}

/// <summary>Images from configuration (<see cref="ComputeOptions.Images"/>).</summary>
public sealed class ConfiguredServerImageSource(IOptionsMonitor<ComputeOptions> options) : IServerImageSource
{
    public Task<ServerImage?> FindAsync(string imageRef, CancellationToken cancellationToken)
    {
        var images = options.CurrentValue.Images;
        var image = images.FirstOrDefault(i => i.Id == imageRef) ?? (images.Count(i => i.Name == imageRef) == 1 ? images.First(i => i.Name == imageRef) : null);
        return Task.FromResult(image is null ? null : new ServerImage(image.Id, image.Name, image.Status, image.MinDisk, image.MinRam, image.Properties));
    }
}

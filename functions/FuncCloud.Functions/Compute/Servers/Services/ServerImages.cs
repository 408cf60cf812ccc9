using FuncCloud.Shared.Image;
using FuncCloud.Shared.OpenStack.Errors;
using FuncCloud.Shared.Security;

namespace FuncCloud.Functions.Compute.Servers.Services;

/// <summary>What the servers API needs of an image: it must exist, be active, and fit the flavor.</summary>
public sealed record ServerImage(string Id, string? Name, string Status, int MinDiskGb, int MinRamMb, long SizeBytes, IReadOnlyDictionary<string, string> Properties)
{
    public string? KernelId => Properties.GetValueOrDefault(ImageProperties.KernelId);

    public string? RamdiskId => Properties.GetValueOrDefault(ImageProperties.RamdiskId);
}

/// <summary>
/// The images the servers API boots from, as the caller may see them (nova asks Glance with the user's
/// token, so another project's private image simply does not exist for the caller).
/// </summary>
public interface IServerImageSource
{
    /// <summary>The image <paramref name="imageId"/> if <paramref name="caller"/> may see it, otherwise null.</summary>
    Task<ServerImage?> FindAsync(string imageId, RequestContext caller, CancellationToken cancellationToken);
}

/// <summary>Reads Glance's records (<see cref="ImageStore"/>) with Glance's visibility rules.</summary>
public sealed class GlanceServerImageSource(ImageStore store) : IServerImageSource
{
    /// <inheritdoc />
    public async Task<ServerImage?> FindAsync(string imageId, RequestContext caller, CancellationToken cancellationToken)
    {
        if ((await store.GetAsync(imageId, cancellationToken))?.Value is not { } image)
        {
            return null;
        }

        // Membership matters only for shared images; any membership (even pending) lets Glance show the image by id.
        var isMember = image.Visibility == ImageVisibility.Shared
            && caller.ProjectId is not null
            && await store.GetMemberAsync(imageId, caller.ProjectId, cancellationToken) is not null;
        return image.IsVisibleTo(caller.ProjectId, caller.IsAdmin, isMember)
            ? new ServerImage(image.Id, image.Name, image.Status, image.MinDisk, image.MinRam, image.Size ?? 0, image.Properties)
            : null;
    }
}

/// <summary>nova's image checks at create and rebuild (<c>_check_requested_image</c>), in nova's words.</summary>
public static class ServerImageChecks
{
    private const long Gib = 1L << 30;

    /// <summary>Throws a 400 unless the image is active and the flavor's RAM and root disk can hold it.</summary>
    /// <exception cref="BadRequestException">Not active, or the flavor is too small.</exception>
    public static void EnsureFits(ServerImage image, int flavorRamMb, int flavorDiskGb)
    {
        if (image.Status != ImageStatus.Active)
        {
            throw new BadRequestException($"Image {image.Id} is not active.");
        }

        if (image.MinRamMb > flavorRamMb)
        {
            throw new BadRequestException("Flavor's memory is too small for requested image.");
        }

        // A zero-disk flavor boots whatever size the image has (nova then sizes the disk from the image).
        var disk = flavorDiskGb * Gib;
        if (disk == 0)
        {
            return;
        }

        if (image.SizeBytes > disk)
        {
            throw new BadRequestException($"Flavor's disk is too small for requested image. Flavor disk is {disk} bytes, image is {image.SizeBytes} bytes.");
        }

        if (image.MinDiskGb * Gib > disk)
        {
            throw new BadRequestException($"Flavor's disk is smaller than the minimum size specified in image metadata. Flavor disk is {disk} bytes, minimum size is {image.MinDiskGb * Gib} bytes.");
        }
    }
}

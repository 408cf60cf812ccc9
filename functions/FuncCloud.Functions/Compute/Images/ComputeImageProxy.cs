using FuncCloud.Functions.Image.Api;
using FuncCloud.Functions.Image.Services;
using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.Image;

namespace FuncCloud.Functions.Compute.Images;

/// <summary>
/// The image proxy's calls into Glance with the caller's rights (nova calls Glance with the user's token),
/// in nova's words: 404 <c>Image not found.</c>, and 404 for the whole proxy from 2.36 as nova.
/// </summary>
public sealed class ComputeImageProxy(ImageService glance)
{
    /// <summary>The image, as the caller may see it.</summary>
    public async Task<ImageRecord> GetAsync(ComputeCall call, string imageId, CancellationToken cancellationToken)
    {
        EnsureAvailable(call);
        try
        {
            return await glance.GetAsync(call.Caller, imageId, cancellationToken);
        }
        catch (ImageNotFoundException)
        {
            throw new ComputeResourceNotFoundException("image", imageId, "Image not found.");
        }
    }

    /// <summary>Deletes the image under Glance's policy (403 for another project's image, as Glance).</summary>
    public async Task DeleteAsync(ComputeCall call, string imageId, CancellationToken cancellationToken)
    {
        EnsureAvailable(call);
        try
        {
            await glance.DeleteAsync(call.Caller, imageId, cancellationToken);
        }
        catch (ImageNotFoundException)
        {
            throw new ComputeResourceNotFoundException("image", imageId, "Image not found.");
        }
    }

    private static void EnsureAvailable(ComputeCall call)
    {
        if (call.Version.IsAtLeast(2, 36))
        {
            throw new ComputeResourceNotFoundException("image", string.Empty, "The resource could not be found.");
        }
    }
}

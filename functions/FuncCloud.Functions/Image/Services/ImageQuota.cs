using FuncCloud.Functions.Image.Api;
using FuncCloud.Shared.Image;
using Microsoft.Extensions.Options;

namespace FuncCloud.Functions.Image.Services;

/// <summary>Per-project quotas on image count and total data size, and per-image limits (Glance answers 413).</summary>
public sealed class ImageQuota(ImageStore store, IOptions<ImageOptions> options)
{
    /// <summary>Throws when <paramref name="owner"/> owns as many images as allowed.</summary>
    /// <exception cref="ImageQuotaExceededException">The count quota is reached.</exception>
    public async Task EnsureCanCreateAsync(string owner, CancellationToken cancellationToken)
    {
        var count = (await store.ListAsync(cancellationToken)).Count(d => d.Value.Owner == owner);
        if (count >= options.Value.ImageCountTotal)
        {
            throw new ImageQuotaExceededException($"Maximum number of images exceeded: project {owner} is at its image_count_total limit of {options.Value.ImageCountTotal}.");
        }
    }

    /// <summary>How many bytes an upload to an image of <paramref name="owner"/> may still write.</summary>
    /// <exception cref="ImageQuotaExceededException">Nothing is left.</exception>
    public async Task<long> RemainingBytesAsync(string owner, string imageId, CancellationToken cancellationToken)
    {
        var used = (await store.ListAsync(cancellationToken))
            .Where(d => d.Value.Owner == owner && d.Id != imageId)
            .Sum(d => d.Value.Size ?? 0);
        var remaining = Math.Min(options.Value.ImageSizeCap, options.Value.ImageSizeTotal - used);
        return remaining > 0
            ? remaining
            : throw new ImageQuotaExceededException($"Project {owner} is at its image_size_total limit of {options.Value.ImageSizeTotal} bytes.");
    }

    /// <summary>The 413 for an upload that passed <paramref name="maxBytes"/>.</summary>
    public ImageQuotaExceededException SizeExceeded(long maxBytes) =>
        new($"Image storage media is full: the upload exceeds the {maxBytes} bytes allowed (image_size_cap {options.Value.ImageSizeCap}, image_size_total {options.Value.ImageSizeTotal}).");

    /// <summary>Throws when the image has more tags or properties than allowed.</summary>
    public void EnsureWithinLimits(ImageRecord image)
    {
        if (image.Tags.Count > options.Value.ImageTagQuota)
        {
            throw new ImageQuotaExceededException($"Maximum number of tags exceeded: {image.Tags.Count} > {options.Value.ImageTagQuota}.");
        }

        if (image.Properties.Count > options.Value.ImagePropertyQuota)
        {
            throw new ImageQuotaExceededException($"Maximum number of properties exceeded: {image.Properties.Count} > {options.Value.ImagePropertyQuota}.");
        }
    }
}

using Microsoft.Extensions.Logging;

namespace FuncCloud.Shared.Image;

/// <summary>
/// The work of the glance-direct import's activities: importing → active with the data copied (and hashed)
/// from the staging blob, or back to queued on failure. Both are idempotent (activities may run twice).
/// </summary>
public sealed partial class ImageImporter(ImageStore store, ImageDataStore data, TimeProvider clock, ILogger<ImageImporter> logger)
{
    /// <summary>The property Glance sets on an image whose import failed.</summary>
    public const string FailedImportProperty = "os_glance_failed_import";

    /// <summary>Copies staged data into the image and activates it; a no-op when already active.</summary>
    /// <exception cref="InvalidOperationException">The image is missing or in a state that cannot be imported.</exception>
    public async Task<ImageDataDigest?> ImportAsync(ImageImportInput input, CancellationToken cancellationToken)
    {
        var image = await store.GetAsync(input.ImageId, cancellationToken)
            ?? throw new InvalidOperationException($"Image {input.ImageId} was deleted during its import.");
        if (image.Value.Status == ImageStatus.Active)
        {
            return null;
        }

        if (image.Value.Status != ImageStatus.Importing)
        {
            throw new InvalidOperationException($"Image {input.ImageId} is '{image.Value.Status}', not 'importing'.");
        }

        ImageDataDigest digest;
        await using (var staged = await data.OpenReadAsync(data.StagingBlob(input.ImageId), 0, null, cancellationToken))
        {
            digest = await data.WriteAsync(data.DataBlob(input.ImageId), staged, input.MaxBytes, DiskFormatInspector.For(image.Value.DiskFormat), cancellationToken);
        }

        var activated = await store.UpdateAsync(input.ImageId, current => current.Status == ImageStatus.Importing
            ? current with
            {
                Status = ImageStatus.Active,
                Size = digest.Size,
                VirtualSize = digest.VirtualSize,
                Checksum = digest.Md5,
                OsHashAlgo = "sha512",
                OsHashValue = digest.Sha512,
                Properties = Without(current.Properties, FailedImportProperty),
                UpdatedAt = clock.GetUtcNow(),
            }
            : throw new InvalidOperationException($"Image {input.ImageId} left 'importing' ({current.Status}) during its import."), cancellationToken);
        if (activated is null)
        {
            await data.DeleteAsync(data.DataBlob(input.ImageId), cancellationToken);
            throw new InvalidOperationException($"Image {input.ImageId} was deleted during its import.");
        }

        await data.DeleteAsync(data.StagingBlob(input.ImageId), cancellationToken);
        LogImported(logger, input.ImageId, digest.Size);
        return digest;
    }

    /// <summary>Puts an importing image back to queued with no data (Glance's behaviour for a failed import).</summary>
    public async Task FailAsync(ImageImportFailure failure, CancellationToken cancellationToken)
    {
        await store.UpdateAsync(failure.ImageId, current => current.Status is ImageStatus.Importing or ImageStatus.Uploading
            ? current with
            {
                Status = ImageStatus.Queued,
                Properties = new Dictionary<string, string>(current.Properties) { [FailedImportProperty] = "local" },
                UpdatedAt = clock.GetUtcNow(),
            }
            : current, cancellationToken);
        await data.DeleteAsync(data.StagingBlob(failure.ImageId), cancellationToken);
        await data.DeleteAsync(data.DataBlob(failure.ImageId), cancellationToken);
        LogFailed(logger, failure.ImageId, failure.Reason);
    }

    private static Dictionary<string, string> Without(IReadOnlyDictionary<string, string> properties, string key)
    {
        var copy = new Dictionary<string, string>(properties);
        copy.Remove(key);
        return copy;
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Image {imageId} imported: {size} bytes")]
    private static partial void LogImported(ILogger logger, string imageId, long size);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Image {imageId} import failed: {reason}")]
    private static partial void LogFailed(ILogger logger, string imageId, string reason);
}

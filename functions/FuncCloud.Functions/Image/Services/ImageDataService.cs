using FuncCloud.Functions.Image.Api;
using FuncCloud.Shared.Image;
using FuncCloud.Shared.OpenStack.Errors;
using FuncCloud.Shared.Security;
using FuncCloud.Shared.Telemetry.Samples;
using Microsoft.Extensions.Logging;
using Actions = FuncCloud.Functions.Image.Services.ImagePolicyDefaults.Actions;

namespace FuncCloud.Functions.Image.Services;

/// <summary>What a download returns: the image (for headers) and the byte range to stream.</summary>
public sealed record ImageDownload(ImageRecord Image, long Offset, long Length, Func<CancellationToken, Task<Stream>> OpenAsync);

/// <summary>
/// Image data: upload (<c>PUT /file</c>: queued → saving → active), staging for glance-direct
/// (queued → uploading) and download. A failed or interrupted upload puts the image back to
/// <c>queued</c> with no data, so the client can simply retry.
/// </summary>
public sealed partial class ImageDataService(
    ImageStore store,
    ImageDataStore data,
    ImageAccess access,
    ImageQuota quota,
    TimeProvider clock,
    ILogger<ImageDataService> logger,
    IMeterEmitter? meters = null)
{
    /// <summary>Streams <paramref name="body"/> in as the image's data and activates it.</summary>
    public async Task UploadAsync(RequestContext caller, string imageId, Stream body, CancellationToken cancellationToken)
    {
        var image = await ClaimAsync(caller, imageId, Actions.UploadImage, ImageStatus.Saving, cancellationToken);
        var digest = await WriteOrRevertAsync(image, data.DataBlob(imageId), body, DiskFormatInspector.For(image.DiskFormat), cancellationToken);
        var activated = await store.UpdateAsync(imageId, current => current.Status == ImageStatus.Saving
            ? current with
            {
                Status = ImageStatus.Active,
                Size = digest.Size,
                VirtualSize = digest.VirtualSize,
                Checksum = digest.Md5,
                OsHashAlgo = "sha512",
                OsHashValue = digest.Sha512,
                UpdatedAt = clock.GetUtcNow(),
            }
            : throw new ConflictException($"Image {imageId} changed status to '{current.Status}' during the upload."), CancellationToken.None);
        if (activated is null)
        {
            await data.DeleteAsync(data.DataBlob(imageId), CancellationToken.None);
            throw new ImageGoneException(imageId);
        }

        LogUploaded(logger, imageId, digest.Size);
        if (meters is not null)
        {
            await meters.EmitAsync([ImageMeters.Uploaded(activated)], CancellationToken.None);
        }
    }

    /// <summary><c>PUT /v2/images/{id}/stage</c>: stores the data for a later glance-direct import.</summary>
    public async Task StageAsync(RequestContext caller, string imageId, Stream body, CancellationToken cancellationToken)
    {
        var image = await ClaimAsync(caller, imageId, Actions.StageImage, ImageStatus.Uploading, cancellationToken);
        // Staged data is inspected when the import moves it into the image (ImageImporter), as Glance's import flow does.
        var digest = await WriteOrRevertAsync(image, data.StagingBlob(imageId), body, null, cancellationToken);
        LogStaged(logger, imageId, digest.Size);
    }

    /// <summary>The data of an image, or null when it has none yet (Glance answers 204).</summary>
    /// <exception cref="ForbiddenException">The image is deactivated and the caller is not an admin.</exception>
    public async Task<ImageDownload?> DownloadAsync(RequestContext caller, string imageId, ByteRange? range, CancellationToken cancellationToken)
    {
        var image = (await access.GetVisibleAsync(caller, imageId, cancellationToken)).Value;
        access.Enforce(Actions.DownloadImage, caller, image);
        if (image.Status == ImageStatus.Deactivated && !caller.IsAdmin)
        {
            throw new ForbiddenException("The requested image has been deactivated. Image data download is forbidden.");
        }

        if (!image.HasData || image.Size is not { } size)
        {
            return null;
        }

        var (offset, length) = range is null ? (0L, size) : range.Resolve(size);
        var blob = data.DataBlob(imageId);
        return new ImageDownload(image, offset, length, token => data.OpenReadAsync(blob, offset, length, token));
    }

    // queued → saving/uploading by compare-and-swap: exactly one upload wins, others get 409.
    private async Task<ImageRecord> ClaimAsync(RequestContext caller, string imageId, string action, string status, CancellationToken cancellationToken)
    {
        var image = (await access.GetVisibleAsync(caller, imageId, cancellationToken)).Value;
        access.Enforce(action, caller, image);
        return await store.UpdateAsync(imageId, current => current.Status == ImageStatus.Queued
            ? current with { Status = status, UpdatedAt = clock.GetUtcNow() }
            : throw new ConflictException($"Image status transition from '{current.Status}' to '{status}' is not allowed: data can only be uploaded to a queued image."), cancellationToken)
            ?? throw new ImageNotFoundException(imageId);
    }

    private async Task<ImageDataDigest> WriteOrRevertAsync(ImageRecord image, Azure.Storage.Blobs.BlobClient blob, Stream body, DiskFormatInspector? inspector, CancellationToken cancellationToken)
    {
        long maxBytes = 0;
        try
        {
            maxBytes = await quota.RemainingBytesAsync(image.Owner, image.Id, cancellationToken);
            return await data.WriteAsync(blob, body, maxBytes, inspector, cancellationToken);
        }
        catch (Exception e)
        {
            // Nothing was committed (blocks are committed last); make the image uploadable again.
            LogUploadFailed(logger, e, image.Id);
            await store.UpdateAsync(image.Id, current => current.Status == image.Status
                ? current with { Status = ImageStatus.Queued, UpdatedAt = clock.GetUtcNow() }
                : current, CancellationToken.None);
            throw e switch
            {
                ImageDataTooLargeException => quota.SizeExceeded(maxBytes),
                InvalidImageDataException => new BadRequestException(e.Message, e),
                OpenStackException or OperationCanceledException => e,
                IOException or Microsoft.AspNetCore.Http.BadHttpRequestException => new BadRequestException($"The image data upload was interrupted: {e.Message}", e),
                _ => e,
            };
        }
    }

    [LoggerMessage(EventId = 4011, Level = LogLevel.Information, Message = "Image {imageId}: {size} bytes uploaded, active")]
    private static partial void LogUploaded(ILogger logger, string imageId, long size);

    [LoggerMessage(EventId = 4012, Level = LogLevel.Information, Message = "Image {imageId}: {size} bytes staged")]
    private static partial void LogStaged(ILogger logger, string imageId, long size);

    [LoggerMessage(EventId = 4013, Level = LogLevel.Warning, Message = "Image {imageId}: data upload failed, back to queued")]
    private static partial void LogUploadFailed(ILogger logger, Exception exception, string imageId);
}

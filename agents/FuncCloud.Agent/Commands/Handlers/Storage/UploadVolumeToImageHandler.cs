using System.Net;
using System.Net.Http.Headers;
using FuncCloud.Agent.Storage;
using FuncCloud.Shared.Agents.Commands;
using FuncCloud.Shared.Image;
using Refit;

namespace FuncCloud.Agent.Commands.Handlers.Storage;

/// <summary>
/// Uploads a volume to Glance (cinder's <c>copy_volume_to_image</c>): the driver's raw bytes (as a backup reads them)
/// are the streamed body of <c>PUT /image/v2/images/{id}/file</c> with the node's service credentials, so the volume
/// is never whole in memory. Idempotent: an active image was uploaded by an earlier delivery; any image state other
/// than queued is refused. A failed upload leaves the image queued (the workflow then deletes it).
/// </summary>
public sealed class UploadVolumeToImageHandler(IImageApi images) : VolumeCommandHandler<UploadVolumeToImageCommand>
{
    protected override async Task<object> ExecuteAsync(UploadVolumeToImageCommand payload, IVolumeDriver driver, CommandExecution execution, CancellationToken cancellationToken)
    {
        execution.Step = "image.get";
        ImageView image;
        try
        {
            image = await images.GetImageAsync(payload.ImageId, cancellationToken);
        }
        catch (ApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            throw new VolumeDriverException($"Image {payload.ImageId} no longer exists: the upload was abandoned.");
        }

        if (image.Status == ImageStatus.Active)
        {
            return await SizeOutputAsync(driver, execution, payload.VolumeId, cancellationToken);
        }

        if (image.Status != ImageStatus.Queued)
        {
            throw new VolumeDriverException($"Image {payload.ImageId} is '{image.Status}', not queued: it cannot receive volume {payload.VolumeId}.");
        }

        execution.Step = "volume_driver.open_raw";
        await using (var raw = await driver.OpenRawAsync(payload.VolumeId, false, cancellationToken))
        {
            using var content = new StreamContent(raw);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            execution.Step = "image.upload";
            try
            {
                await images.UploadAsync(payload.ImageId, content, cancellationToken);
            }
            catch (ApiException e)
            {
                throw new VolumeDriverException($"Uploading volume {payload.VolumeId} to image {payload.ImageId} failed: the image service answered {(int)e.StatusCode} {e.ReasonPhrase}: {e.Content}");
            }
        }

        return await SizeOutputAsync(driver, execution, payload.VolumeId, cancellationToken);
    }
}

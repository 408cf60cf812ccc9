using FuncCloud.Durable.Compute.Workflows;
using FuncCloud.Shared.Image;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace FuncCloud.Durable.Compute.Activities;

/// <summary>
/// Deletes the image of a failed snapshot, as nova's compute manager does (a queued image without data is
/// of no use to anyone): the record and any data. An image that reached <c>active</c> is kept — its upload
/// finished, only the answer got lost — and the result says so.
/// </summary>
public sealed partial class DiscardSnapshotImage(ImageStore images, ImageDataStore data, ILogger<DiscardSnapshotImage> logger)
{
    [Function(nameof(DiscardSnapshotImage))]
    public async Task<bool> RunAsync([ActivityTrigger] DiscardSnapshotImageInput input, CancellationToken cancellationToken)
    {
        var image = await images.GetAsync(input.ImageId, cancellationToken);
        if (image?.Value.Status == ImageStatus.Active)
        {
            return false;
        }

        if (image is not null)
        {
            await images.DeleteAsync(input.ImageId, cancellationToken);
        }

        await data.DeleteAsync(data.DataBlob(input.ImageId), cancellationToken);
        LogDiscarded(logger, input.ImageId, input.ServerId);
        return true;
    }

    [LoggerMessage(EventId = 5121, Level = LogLevel.Information, Message = "Snapshot image {imageId} of server {serverId} deleted after the snapshot failed")]
    private static partial void LogDiscarded(ILogger logger, string imageId, string serverId);
}

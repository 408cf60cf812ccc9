using System.IO.Pipelines;
using System.Net;
using System.Net.Http.Headers;
using FuncCloud.Agent.Compute;
using FuncCloud.Shared.Agents.Commands;
using FuncCloud.Shared.Image;
using Refit;

namespace FuncCloud.Agent.Commands.Handlers;

/// <summary>
/// Snapshots the instance straight into Glance: the driver writes its disk into a pipe whose other end is the
/// body of <c>PUT /image/v2/images/{id}/file</c>, so the bytes stream through (memory is the pipe's window,
/// never the disk). Idempotent: an image that is already active was uploaded by an earlier delivery and is
/// reported as done; a failed upload leaves Glance's image queued (the control plane then deletes it).
/// </summary>
public sealed class SnapshotHandler(IImageApi images) : CommandHandler<SnapshotCommand>
{
    protected override async Task<object> ExecuteAsync(SnapshotCommand payload, CommandExecution execution, CancellationToken cancellationToken)
    {
        execution.Step = "image.get";
        var image = await GetImageAsync(payload, cancellationToken);
        if (image.Status == ImageStatus.Active)
        {
            return await StateOutputAsync(execution, payload.ServerId, cancellationToken);
        }

        if (image.Status != ImageStatus.Queued)
        {
            throw new ComputeDriverException(payload.ServerId, $"Image {payload.ImageId} is '{image.Status}', not queued: it cannot receive the snapshot.");
        }

        await StreamSnapshotAsync(payload, execution, cancellationToken);
        return await StateOutputAsync(execution, payload.ServerId, cancellationToken);
    }

    private async Task StreamSnapshotAsync(SnapshotCommand payload, CommandExecution execution, CancellationToken cancellationToken)
    {
        using var abort = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pipe = new Pipe();
        execution.Step = "driver.snapshot";
        var snapshot = Task.Run(async () =>
        {
            // Completed by hand, never by disposing the stream: disposal would end the body cleanly and a
            // failed snapshot would become a truncated, active image. With the exception the reader fails and
            // the upload is aborted (Glance puts the image back to queued).
            try
            {
                await execution.Driver.SnapshotAsync(payload.ServerId, pipe.Writer.AsStream(leaveOpen: true), abort.Token);
            }
            catch (Exception e)
            {
                await pipe.Writer.CompleteAsync(e);
                throw;
            }

            await pipe.Writer.CompleteAsync();
        }, CancellationToken.None);

        using var content = new StreamContent(pipe.Reader.AsStream());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        Exception? uploadError = null;
        try
        {
            await images.UploadAsync(payload.ImageId, content, abort.Token);
        }
        catch (Exception e) when (e is ApiException or HttpRequestException or IOException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            uploadError = e;
            await abort.CancelAsync(); // stop the driver: nobody reads its bytes any more
        }

        try
        {
            await snapshot;
        }
        catch (OperationCanceledException) when (uploadError is not null)
        {
            // The driver stopped because the upload failed: the upload's error is the one to report.
        }

        if (uploadError is not null)
        {
            execution.Step = "image.upload";
            throw new ComputeDriverException(payload.ServerId, $"Uploading the snapshot to image {payload.ImageId} failed: {Describe(uploadError)}", uploadError);
        }
    }

    private async Task<ImageView> GetImageAsync(SnapshotCommand payload, CancellationToken cancellationToken)
    {
        try
        {
            return await images.GetImageAsync(payload.ImageId, cancellationToken);
        }
        catch (ApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            throw new ComputeDriverException(payload.ServerId, $"Image {payload.ImageId} no longer exists: the snapshot was abandoned.", e);
        }
    }

    private static string Describe(Exception e) => e is ApiException api
        ? $"the image service answered {(int)api.StatusCode} {api.ReasonPhrase}: {api.Content}"
        : e.Message;
}

using FuncCloud.Functions.Image.Api;
using FuncCloud.Functions.Image.Services;
using FuncCloud.Shared.OpenStack;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace FuncCloud.Functions.Image.Functions.Data;

/// <summary>
/// <c>POST /v2/images/{imageId}/import</c> (<c>glance-direct</c>): 202; the import orchestration moves the
/// staged data and activates the image.
/// </summary>
public sealed class ImportImage(ImageHttp http, ImageImportService imports)
{
    [Function(nameof(ImportImage))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ImageRoutes.Image + "/import")] HttpRequest req,
        string imageId, [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        http.WithBodyAsync(req, async (caller, body) =>
        {
            await imports.StartAsync(caller, imageId, body, durable, cancellationToken);
            return Results.StatusCode(StatusCodes.Status202Accepted);
        }, cancellationToken);
}

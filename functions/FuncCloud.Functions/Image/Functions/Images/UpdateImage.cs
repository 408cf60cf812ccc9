using FuncCloud.Shared.OpenStack.Errors;
using FuncCloud.Functions.Image.Api;
using FuncCloud.Functions.Image.Services;
using FuncCloud.Shared.OpenStack;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Image.Functions.Images;

/// <summary><c>PATCH /v2/images/{imageId}</c> with <c>application/openstack-images-v2.1-json-patch</c> (or the legacy v2.0 form).</summary>
public sealed class UpdateImage(ImageHttp http, ImageService images)
{
    [Function(nameof(UpdateImage))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = ImageRoutes.Image)] HttpRequest req,
        string imageId, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller =>
        {
            var mediaType = req.ContentType?.Split(';')[0].Trim();
            if (mediaType is null || !ImagePatch.MediaTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase))
            {
                throw new UnsupportedMediaTypeException($"Unsupported Content-Type '{req.ContentType}'; use {ImagePatch.MediaTypes[0]}.");
            }

            var operations = await JsonRequest.ReadArrayAsync(req, cancellationToken);
            if (mediaType.Equals(ImagePatch.LegacyMediaType, StringComparison.OrdinalIgnoreCase))
            {
                operations = ImagePatch.FromLegacy(operations);
            }

            var image = await images.UpdateAsync(caller, imageId, operations, cancellationToken);
            return OpenStackHttp.Json(ImageWire.Image(image));
        }, cancellationToken);
}

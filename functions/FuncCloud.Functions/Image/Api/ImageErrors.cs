using FuncCloud.Shared.OpenStack.Errors;
using Microsoft.AspNetCore.Http;

namespace FuncCloud.Functions.Image.Api;

/// <summary>
/// Glance's error body: webob's JSON rendering of an HTTP exception,
/// <c>{"message": "...", "code": "404 Not Found", "title": "Not Found"}</c>.
/// </summary>
public sealed class GlanceErrorBodyFormatter : IErrorBodyFormatter
{
    /// <summary>The shared instance.</summary>
    public static readonly GlanceErrorBodyFormatter Instance = new();

    /// <inheritdoc />
    public object Format(OpenStackException error) => new GlanceErrorBody(error.Message, $"{error.StatusCode} {error.Title}", error.Title);
}

/// <summary>The body of every Glance error.</summary>
public sealed record GlanceErrorBody(string Message, string Code, string Title);

/// <summary>404: no image <see cref="ImageId"/> (or one the caller may not see: Glance never says which).</summary>
public sealed class ImageNotFoundException(string imageId)
    : OpenStackException(StatusCodes.Status404NotFound, "Not Found", $"No image found with ID {imageId}")
{
    /// <summary>The id looked up.</summary>
    public string ImageId { get; } = imageId;
}

/// <summary>404: <see cref="MemberId"/> is not a member of the image.</summary>
public sealed class ImageMemberNotFoundException(string imageId, string memberId)
    : OpenStackException(StatusCodes.Status404NotFound, "Not Found", $"{memberId} is not a member of image {imageId}")
{
    /// <summary>The member looked up.</summary>
    public string MemberId { get; } = memberId;
}

/// <summary>410: the image was deleted while its data was uploading.</summary>
public sealed class ImageGoneException(string imageId)
    : OpenStackException(StatusCodes.Status410Gone, "Gone", $"Image {imageId} could not be found after upload. The image may have been deleted during the upload.");

/// <summary>413: a quota (image count, total size, tags, members, properties) would be exceeded.</summary>
public sealed class ImageQuotaExceededException(string message)
    : OpenStackException(StatusCodes.Status413PayloadTooLarge, "Request Entity Too Large", message);

/// <summary>415: a body of a media type the call does not accept (JSON-patch calls).</summary>
public sealed class UnsupportedMediaTypeException(string message)
    : OpenStackException(StatusCodes.Status415UnsupportedMediaType, "Unsupported Media Type", message);

/// <summary>404 for a path Glance has no resource at, e.g. <c>/v2/images/</c> (an empty image id).</summary>
public sealed class ImageResourceNotFoundException()
    : OpenStackException(StatusCodes.Status404NotFound, "Not Found", "The resource could not be found.");

/// <summary>405 for a method the images collection does not take (Glance: GET and POST only).</summary>
public sealed class ImageMethodNotAllowedException(string method)
    : OpenStackException(StatusCodes.Status405MethodNotAllowed, "Method Not Allowed", $"The method {method} is not allowed for this resource.");

using Microsoft.AspNetCore.Http;

namespace FuncCloud.Shared.OpenStack.Errors;

/// <summary>
/// An error an OpenStack API reports to its caller. Services throw subclasses; one
/// <see cref="IErrorBodyFormatter"/> per service turns them into that service's error body.
/// </summary>
public abstract class OpenStackException(int statusCode, string title, string message, Exception? inner = null)
    : Exception(message, inner)
{
    /// <summary>The HTTP status code.</summary>
    public int StatusCode { get; } = statusCode;

    /// <summary>The HTTP reason phrase, e.g. <c>Unauthorized</c>.</summary>
    public string Title { get; } = title;
}

/// <summary>400: the request is malformed or fails validation.</summary>
public class BadRequestException(string message, Exception? inner = null)
    : OpenStackException(StatusCodes.Status400BadRequest, "Bad Request", message, inner);

/// <summary>401: no, bad, expired or revoked credentials.</summary>
public class UnauthorizedException(string message = "The request you have made requires authentication.")
    : OpenStackException(StatusCodes.Status401Unauthorized, "Unauthorized", message);

/// <summary>403: authenticated, but the policy does not allow the action.</summary>
public class ForbiddenException(string message)
    : OpenStackException(StatusCodes.Status403Forbidden, "Forbidden", message);

/// <summary>404: a resource of <see cref="ResourceType"/> with <see cref="ResourceId"/> does not exist.</summary>
public class ResourceNotFoundException(string resourceType, string resourceId)
    : OpenStackException(StatusCodes.Status404NotFound, "Not Found", $"Could not find {resourceType}: {resourceId}.")
{
    /// <summary>The kind of resource, e.g. <c>project</c>.</summary>
    public string ResourceType { get; } = resourceType;

    /// <summary>The id (or name) that was looked up.</summary>
    public string ResourceId { get; } = resourceId;
}

/// <summary>409: the request conflicts with the current state (e.g. a duplicate name).</summary>
public class ConflictException(string message)
    : OpenStackException(StatusCodes.Status409Conflict, "Conflict", message);

/// <summary>413: the request body is larger than the API accepts.</summary>
public class RequestTooLargeException(string message = "Request is too large.")
    : OpenStackException(StatusCodes.Status413PayloadTooLarge, "Request Entity Too Large", message);

/// <summary>
/// 503: a backend (the storage account) failed transiently or timed out. The request may be retried; the
/// services answer this rather than 500 so clients (keystoneauth, openstacksdk) know to try again.
/// </summary>
public class ServiceUnavailableException(string message = "The service is temporarily unavailable; please try again later.", Exception? inner = null)
    : OpenStackException(StatusCodes.Status503ServiceUnavailable, "Service Unavailable", message, inner);

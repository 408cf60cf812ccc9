using FuncCloud.Shared.OpenStack.Errors;
using Microsoft.AspNetCore.Http;

namespace FuncCloud.Shared.Volume.Api;

/// <summary>
/// Cinder's error shape: <c>{"itemNotFound": {"code": 404, "message": "..."}}</c>, the key named by
/// status as cinder's <c>wsgi.Fault</c> does (<c>computeFault</c> for the statuses it does not name).
/// </summary>
public sealed class CinderErrorBodyFormatter : IErrorBodyFormatter
{
    /// <summary>The shared instance.</summary>
    public static readonly CinderErrorBodyFormatter Instance = new();

    /// <inheritdoc />
    public object Format(OpenStackException error) =>
        new Dictionary<string, CinderFault> { [FaultName(error.StatusCode)] = new CinderFault(error.StatusCode, error.Message) };

    /// <summary>The body key cinder uses for <paramref name="statusCode"/>.</summary>
    public static string FaultName(int statusCode) => statusCode switch
    {
        StatusCodes.Status400BadRequest => "badRequest",
        StatusCodes.Status401Unauthorized => "unauthorized",
        StatusCodes.Status403Forbidden => "forbidden",
        StatusCodes.Status404NotFound => "itemNotFound",
        StatusCodes.Status405MethodNotAllowed => "badMethod",
        StatusCodes.Status409Conflict => "conflictingRequest",
        StatusCodes.Status413PayloadTooLarge => "overLimit",
        StatusCodes.Status415UnsupportedMediaType => "badMediaType",
        StatusCodes.Status501NotImplemented => "notImplemented",
        StatusCodes.Status503ServiceUnavailable => "serviceUnavailable",
        _ => "computeFault",
    };
}

/// <summary>The inner object of a cinder error body.</summary>
public sealed record CinderFault(int Code, string Message);

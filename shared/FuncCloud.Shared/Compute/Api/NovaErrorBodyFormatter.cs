using FuncCloud.Shared.OpenStack.Errors;
using Microsoft.AspNetCore.Http;

namespace FuncCloud.Shared.Compute.Api;

/// <summary>
/// Nova's error shape: <c>{"itemNotFound": {"code": 404, "message": "..."}}</c>. The key depends on the
/// status exactly as nova's <c>wsgi.Fault</c> names it; statuses it does not name are <c>computeFault</c>
/// (which is also what a 406 for an unsupported microversion carries). Cinder's <c>wsgi.Fault</c> names the
/// statuses identically, so the block storage API uses this formatter too.
/// </summary>
public sealed class NovaErrorBodyFormatter : IErrorBodyFormatter
{
    /// <summary>The shared instance.</summary>
    public static readonly NovaErrorBodyFormatter Instance = new();

    /// <inheritdoc />
    public object Format(OpenStackException error) =>
        new Dictionary<string, NovaFault> { [FaultName(error.StatusCode)] = new NovaFault(error.StatusCode, error.Message) };

    /// <summary>The body key nova uses for <paramref name="statusCode"/>.</summary>
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
        StatusCodes.Status429TooManyRequests => "overLimit",
        StatusCodes.Status501NotImplemented => "notImplemented",
        StatusCodes.Status503ServiceUnavailable => "serviceUnavailable",
        _ => "computeFault",
    };
}

/// <summary>The inner object of a nova error body.</summary>
public sealed record NovaFault(int Code, string Message);

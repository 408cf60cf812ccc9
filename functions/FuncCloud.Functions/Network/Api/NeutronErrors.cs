using System.Text.Json.Serialization;
using FuncCloud.Shared.OpenStack.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace FuncCloud.Functions.Network.Api;

/// <summary>
/// Neutron's error body, <c>{"NeutronError": {"type": "NetworkNotFound", "message": "...", "detail": ""}}</c>:
/// the type is the neutron exception class name, so clients (and tempest) can tell failures apart.
/// </summary>
public sealed class NeutronErrorBodyFormatter : IErrorBodyFormatter
{
    /// <summary>The shared instance.</summary>
    public static readonly NeutronErrorBodyFormatter Instance = new();

    /// <inheritdoc />
    public object Format(OpenStackException error) => new NeutronErrorBody(new NeutronError(TypeOf(error), error.Message, string.Empty));

    private static string TypeOf(OpenStackException error) => error switch
    {
        NeutronException neutron => neutron.Type,
        ForbiddenException => "PolicyNotAuthorized",
        _ => error.StatusCode switch
        {
            StatusCodes.Status400BadRequest => "HTTPBadRequest",
            StatusCodes.Status401Unauthorized => "HTTPUnauthorized",
            StatusCodes.Status404NotFound => "HTTPNotFound",
            StatusCodes.Status409Conflict => "Conflict",
            _ => "NeutronException",
        },
    };
}

/// <summary>The envelope of every Neutron error.</summary>
public sealed record NeutronErrorBody([property: JsonPropertyName("NeutronError")] NeutronError NeutronError);

/// <summary>Neutron's error details.</summary>
public sealed record NeutronError(string Type, string Message, string Detail);

/// <summary>A Neutron error with its exception type name (<c>NetworkInUse</c>, <c>IpAddressAlreadyAllocated</c> ...).</summary>
public class NeutronException(int statusCode, string type, string message)
    : OpenStackException(statusCode, ReasonPhrases.GetReasonPhrase(statusCode), message)
{
    /// <summary>The neutron exception class name.</summary>
    public string Type { get; } = type;

    /// <summary>400 with <paramref name="type"/> (neutron's BadRequest subclasses).</summary>
    public static NeutronException BadRequest(string message, string type = "BadRequest") => new(StatusCodes.Status400BadRequest, type, message);

    /// <summary>400 <c>InvalidInput</c>: "Invalid input for operation: ...".</summary>
    public static NeutronException InvalidInput(string message) => new(StatusCodes.Status400BadRequest, "InvalidInput", "Invalid input for operation: " + message);

    /// <summary>409 with <paramref name="type"/>.</summary>
    public static NeutronException Conflict(string type, string message) => new(StatusCodes.Status409Conflict, type, message);

    /// <summary>404 <c>{Kind}NotFound</c>, as neutron words it.</summary>
    public static NeutronException NotFound(string type, string message) => new(StatusCodes.Status404NotFound, type, message);
}

/// <summary>412: the <c>If-Match</c> revision does not match.</summary>
public sealed class RevisionMismatchException(string message)
    : NeutronException(StatusCodes.Status412PreconditionFailed, "PreconditionFailed", message);

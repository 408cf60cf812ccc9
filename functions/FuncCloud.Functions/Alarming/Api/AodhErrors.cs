using FuncCloud.Shared.OpenStack.Errors;
using Microsoft.AspNetCore.Http;

namespace FuncCloud.Functions.Alarming.Api;

/// <summary>
/// Aodh's error body: wsme's fault wrapped by aodh's ParsableErrorMiddleware,
/// <c>{"error_message": {"faultcode": "Client", "faultstring": "...", "debuginfo": null}}</c>
/// (aodhclient reads <c>error_message.faultstring</c>).
/// </summary>
public sealed class AodhErrorBodyFormatter : IErrorBodyFormatter
{
    /// <summary>The shared instance.</summary>
    public static readonly AodhErrorBodyFormatter Instance = new();

    /// <inheritdoc />
    public object Format(OpenStackException error) =>
        new AodhErrorBody(new AodhFault(error.StatusCode >= 500 ? "Server" : "Client", error.Message, null));

    /// <inheritdoc />
    public IResult Result(OpenStackException error) =>
        // wsme keeps debuginfo as an explicit null, which the wire options would drop.
        new AodhErrorResult(error.StatusCode, Format(error));

    private sealed class AodhErrorResult(int statusCode, object body) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            if (statusCode == StatusCodes.Status401Unauthorized)
            {
                httpContext.Response.Headers.WWWAuthenticate = "Keystone uri=\"\"";
            }

            return Results.Json(body, AodhJson.Errors, contentType: "application/json", statusCode: statusCode).ExecuteAsync(httpContext);
        }
    }
}

/// <summary>The envelope of every aodh error.</summary>
public sealed record AodhErrorBody(AodhFault ErrorMessage);

/// <summary>wsme's fault.</summary>
public sealed record AodhFault(string Faultcode, string Faultstring, string? Debuginfo);

/// <summary>404: no alarm <c>alarmId</c> the caller may see (aodh never tells other projects' alarms apart).</summary>
public sealed class AlarmNotFoundException(string alarmId)
    : OpenStackException(StatusCodes.Status404NotFound, "Not Found", $"Alarm {alarmId} not found");

/// <summary>409: the project already has an alarm of that name.</summary>
public sealed class AlarmNameExistsException(string name)
    : OpenStackException(StatusCodes.Status409Conflict, "Conflict", $"Alarm with name='{name}' exists");

/// <summary>401: a project-limited caller named another project or user (aodh's ProjectNotAuthorized).</summary>
public sealed class OwnerNotAuthorizedException(string aspect, string id)
    : OpenStackException(StatusCodes.Status401Unauthorized, "Unauthorized", $"Not Authorized to access {aspect} {id}");

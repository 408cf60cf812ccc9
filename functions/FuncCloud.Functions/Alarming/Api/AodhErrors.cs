using System.Text.Json.Nodes;
using FuncCloud.Shared.OpenStack.Errors;
using Microsoft.AspNetCore.Http;

namespace FuncCloud.Functions.Alarming.Api;

/// <summary>
/// Aodh's error body: wsme's fault wrapped by aodh's ParsableErrorMiddleware,
/// <c>{"error_message": {"faultcode": "Client", "faultstring": "...", "debuginfo": null}}</c>
/// (aodhclient reads <c>error_message.faultstring</c>). A JSON object rather than a record: wsme writes
/// <c>debuginfo</c> as an explicit null, which the wire options would drop from a record.
/// </summary>
public sealed class AodhErrorBodyFormatter : IErrorBodyFormatter
{
    /// <summary>The shared instance.</summary>
    public static readonly AodhErrorBodyFormatter Instance = new();

    /// <inheritdoc />
    public object Format(OpenStackException error) => new JsonObject
    {
        ["error_message"] = new JsonObject
        {
            ["faultcode"] = error.StatusCode >= 500 ? "Server" : "Client",
            ["faultstring"] = error.Message,
            ["debuginfo"] = null,
        },
    };
}

/// <summary>404: no alarm <c>alarmId</c> the caller may see (aodh never tells other projects' alarms apart).</summary>
public sealed class AlarmNotFoundException(string alarmId)
    : OpenStackException(StatusCodes.Status404NotFound, "Not Found", $"Alarm {alarmId} not found");

/// <summary>409: the project already has an alarm of that name.</summary>
public sealed class AlarmNameExistsException(string name)
    : OpenStackException(StatusCodes.Status409Conflict, "Conflict", $"Alarm with name='{name}' exists");

/// <summary>401: a project-limited caller named another project or user (aodh's ProjectNotAuthorized).</summary>
public sealed class OwnerNotAuthorizedException(string aspect, string id)
    : OpenStackException(StatusCodes.Status401Unauthorized, "Unauthorized", $"Not Authorized to access {aspect} {id}");

using System.Text.Json.Nodes;
using FuncCloud.Shared.OpenStack.Errors;
using Microsoft.AspNetCore.Http;

namespace FuncCloud.Functions.Telemetry.Api;

/// <summary>
/// Gnocchi's error body (pecan's JSON rendering of an abort): <c>{"code": 404, "description": "...",
/// "title": "Not Found"}</c>. Gnocchi writes an object description for structured causes (unknown resources,
/// invalid input); here it is always a string (<c>cause: reason: detail</c>) so every error of the prefix has one
/// shape (the route fuzz test holds each service to one); gnocchiclient shows either as the message.
/// </summary>
public sealed class GnocchiErrorBodyFormatter : IErrorBodyFormatter
{
    /// <summary>The shared instance.</summary>
    public static readonly GnocchiErrorBodyFormatter Instance = new();

    /// <inheritdoc />
    public object Format(OpenStackException error) => new JsonObject
    {
        ["code"] = error.StatusCode,
        ["description"] = error.Message,
        ["title"] = error.Title,
    };
}

/// <summary>400 with gnocchi's structured description (<c>cause</c>, <c>reason</c>/<c>detail</c>).</summary>
public sealed class GnocchiCauseException(string cause, JsonNode detail, string? reason = null)
    : OpenStackException(StatusCodes.Status400BadRequest, "Bad Request", reason is null ? $"{cause}: {detail.ToJsonString()}" : $"{cause}: {reason}")
{
    /// <summary>The description object.</summary>
    public JsonObject Description { get; } = reason is null
        ? new JsonObject { ["cause"] = cause, ["detail"] = detail }
        : new JsonObject { ["cause"] = cause, ["reason"] = reason, ["detail"] = detail };
}

/// <summary>404: a resource that does not exist or the caller may not see.</summary>
public sealed class TelemetryResourceNotFoundException(string resourceId)
    : OpenStackException(StatusCodes.Status404NotFound, "Not Found", $"Resource {resourceId} does not exist");

/// <summary>404: a metric that does not exist or the caller may not see.</summary>
public sealed class MetricNotFoundException(string metricId)
    : OpenStackException(StatusCodes.Status404NotFound, "Not Found", $"Metric {metricId} does not exist");

/// <summary>404: an unknown archive policy.</summary>
public sealed class ArchivePolicyNotFoundException(string name)
    : OpenStackException(StatusCodes.Status404NotFound, "Not Found", $"Archive policy {name} does not exist");

/// <summary>404: an unknown archive policy rule.</summary>
public sealed class ArchivePolicyRuleNotFoundException(string name)
    : OpenStackException(StatusCodes.Status404NotFound, "Not Found", $"Archive policy rule {name} does not exist");

/// <summary>404: an unknown resource type.</summary>
public sealed class ResourceTypeNotFoundException(string name)
    : OpenStackException(StatusCodes.Status404NotFound, "Not Found", $"Resource type {name} does not exist");

/// <summary>404: a granularity or aggregation the metric's policy does not keep.</summary>
public sealed class AggregationNotFoundException(string message)
    : OpenStackException(StatusCodes.Status404NotFound, "Not Found", message);

/// <summary>409: a resource id or a metric name on a resource already exists.</summary>
public sealed class TelemetryConflictException(string message)
    : OpenStackException(StatusCodes.Status409Conflict, "Conflict", message);

/// <summary>400 with a plain description.</summary>
public sealed class TelemetryBadRequestException(string message)
    : OpenStackException(StatusCodes.Status400BadRequest, "Bad Request", message);

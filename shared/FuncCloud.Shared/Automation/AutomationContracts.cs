using System.Text.Json.Nodes;

namespace FuncCloud.Shared.Automation;

/// <summary>One API operation of a request: a single operation is a batch of one step.</summary>
/// <param name="Name">The step's name (what <c>$ref</c>s name); <c>operation</c> for a single operation.</param>
/// <param name="Method">GET, POST, PUT, PATCH, DELETE or HEAD.</param>
/// <param name="Path">The API path, e.g. <c>/compute/v2.1/servers</c> (may hold <c>${step.body...}</c> references).</param>
/// <param name="Query">Query parameters.</param>
/// <param name="Headers">Extra request headers (microversions...).</param>
/// <param name="Body">The JSON body (may hold <c>{"$ref": "step.body..."}</c>).</param>
/// <param name="Wait">Poll the resource the operation returned until a final state.</param>
/// <param name="DependsOn">The steps it refers to.</param>
public sealed record AutomationStep(
    string Name,
    string Method,
    string Path,
    IReadOnlyDictionary<string, string>? Query,
    IReadOnlyDictionary<string, string>? Headers,
    JsonNode? Body,
    bool Wait,
    IReadOnlyList<string> DependsOn);

/// <summary>The input of the automation workflow: no credentials (the token stays in the results table).</summary>
public sealed record AutomationWorkflowInput(
    string CorrelationId,
    IReadOnlyList<AutomationStep> Steps,
    bool IsBatch,
    bool Compensate,
    int WaitTimeoutSeconds,
    string ReplyQueue);

/// <summary>Execute one (resolved) step with the request's token.</summary>
public sealed record ExecuteStepInput(string CorrelationId, AutomationStep Step);

/// <summary>Read the state of a resource with the request's token.</summary>
public sealed record CheckResourceInput(string CorrelationId, string Url, bool Deleting);

/// <summary>What an API answered.</summary>
/// <param name="StatusCode">The HTTP status (0 when the API could not be reached).</param>
/// <param name="Headers">The headers that matter: Location, X-Openstack-Request-Id, OpenStack-API-Version...</param>
/// <param name="Body">The JSON body, or the text as a JSON string.</param>
/// <param name="ResourceUrl">The resource the operation created or names (Location, or the path plus the body's id).</param>
/// <param name="Error">Why the call failed before any answer.</param>
/// <param name="StartedAt">When the call was sent.</param>
/// <param name="FinishedAt">When it was answered.</param>
public sealed record StepResponse(
    int StatusCode,
    IReadOnlyDictionary<string, string> Headers,
    JsonNode? Body,
    string? ResourceUrl,
    string? Error,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt)
{
    /// <summary>True for 2xx.</summary>
    public bool Succeeded => StatusCode is >= 200 and < 300;
}

/// <summary>A resource's state as last read while waiting.</summary>
/// <param name="Url">The resource's path.</param>
/// <param name="StatusCode">The GET's status.</param>
/// <param name="Status">Its <c>status</c> field (<c>deleted</c> when a deleted resource is gone).</param>
/// <param name="Final">True when it will not change on its own any more.</param>
/// <param name="Failed">True for a final error state (ERROR, error, killed, gone).</param>
/// <param name="Body">The last body read.</param>
/// <param name="CheckedAt">When it was read.</param>
public sealed record ResourceState(string Url, int StatusCode, string? Status, bool Final, bool Failed, JsonNode? Body, DateTimeOffset CheckedAt);

/// <summary>A finished step: the response, and the final state of its resource when waited on.</summary>
public sealed record StepResult(string Name, string Method, string Path, StepResponse Response, ResourceState? Resource, string? Error)
{
    /// <summary>True when the step succeeded.</summary>
    public bool Succeeded => Error is null;
}

/// <summary>Record the outcome, delete the token, reply.</summary>
public sealed record CompleteRequestInput(
    string CorrelationId,
    string Status,
    string? Reason,
    IReadOnlyList<StepResult> Results,
    IReadOnlyList<StepResult> Compensation,
    string ReplyQueue);

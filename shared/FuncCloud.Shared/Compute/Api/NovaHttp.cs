using System.Text.Json.Nodes;
using FuncCloud.Shared.OpenStack;
using FuncCloud.Shared.Security;
using FuncCloud.Shared.Security.Policy;
using Microsoft.AspNetCore.Http;

namespace FuncCloud.Shared.Compute.Api;

/// <summary>
/// The frame of every compute API function: request id, microversion negotiation and response headers,
/// nova error bodies (through <see cref="OpenStackHttp"/>), authentication, body parsing and policy.
/// </summary>
public sealed class NovaHttp(IRequestAuthenticator authenticator, PolicyEnforcer policy)
{
    /// <summary>Runs an anonymous call (version discovery).</summary>
    public Task<IResult> RunAsync(HttpRequest request, Func<ComputeApiVersion, Task<IResult>> action) =>
        OpenStackHttp.ExecuteAsync(request, NovaErrorBodyFormatter.Instance, async () =>
        {
            var version = ComputeApiVersionHeaders.Negotiate(request);
            ComputeApiVersionHeaders.Apply(request.HttpContext.Response, version);
            return await action(version);
        });

    /// <summary>Runs a call that needs a valid <c>X-Auth-Token</c>.</summary>
    public Task<IResult> AuthenticatedAsync(HttpRequest request, Func<ComputeCall, Task<IResult>> action, CancellationToken cancellationToken) =>
        RunAsync(request, async version =>
        {
            var caller = await authenticator.AuthenticateAsync(request, cancellationToken);
            return await action(new ComputeCall(request, caller, version));
        });

    /// <summary>Runs an authenticated call whose body must be a JSON object (400 in nova's shape otherwise).</summary>
    public Task<IResult> WithBodyAsync(HttpRequest request, Func<ComputeCall, JsonObject, Task<IResult>> action, CancellationToken cancellationToken) =>
        AuthenticatedAsync(request, async call => await action(call, await JsonRequest.ReadObjectAsync(request, cancellationToken)), cancellationToken);

    /// <summary>
    /// Enforces a nova rule; the target carries the project (and user) the action applies to, which
    /// defaults to the caller's own as in nova.
    /// </summary>
    /// <exception cref="OpenStack.Errors.ForbiddenException">The policy denies it.</exception>
    public void Enforce(string action, RequestContext caller, string? projectId = null, string? userId = null) =>
        policy.Enforce(action, caller, Target(caller, projectId, userId));

    /// <summary>True when the rule allows it.</summary>
    public bool IsAllowed(string action, RequestContext caller, string? projectId = null, string? userId = null) =>
        policy.IsAllowed(action, caller, Target(caller, projectId, userId));

    /// <summary>A JSON response (200 unless told).</summary>
    public static IResult Json(JsonNode body, int statusCode = StatusCodes.Status200OK) => OpenStackHttp.Json(body, statusCode);

    /// <summary>An empty response with <paramref name="statusCode"/> (202/204 for nova's actions and deletes).</summary>
    public static IResult Empty(int statusCode) => Results.StatusCode(statusCode);

    private static Dictionary<string, string?> Target(RequestContext caller, string? projectId, string? userId) => new()
    {
        ["project_id"] = projectId ?? caller.ProjectId,
        ["user_id"] = userId ?? caller.UserId,
    };
}

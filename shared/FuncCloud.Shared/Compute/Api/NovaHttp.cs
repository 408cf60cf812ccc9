using System.Text.Json.Nodes;
using FuncCloud.Shared.OpenStack;
using FuncCloud.Shared.Security;
using Microsoft.AspNetCore.Http;

namespace FuncCloud.Shared.Compute.Api;

/// <summary>
/// The frame of every compute API function: request id, microversion negotiation and response headers,
/// nova error bodies (through <see cref="OpenStackHttp"/>), authentication and body parsing.
/// </summary>
public sealed class NovaHttp(IRequestAuthenticator authenticator)
{
    /// <summary>Nova's own name for the request id, which novaclient and Tempest read (beside <see cref="OpenStackHeaders.RequestId"/>).</summary>
    public const string ComputeRequestId = "X-Compute-Request-Id";

    /// <summary>Runs an anonymous call (version discovery).</summary>
    public Task<IResult> RunAsync(HttpRequest request, Func<ComputeApiVersion, Task<IResult>> action) =>
        OpenStackHttp.ExecuteAsync(request, NovaErrorBodyFormatter.Instance, async () =>
        {
            request.HttpContext.Response.Headers[ComputeRequestId] = RequestIds.Get(request.HttpContext);
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

    /// <summary>A JSON response (200 unless told).</summary>
    public static IResult Json(JsonNode body, int statusCode = StatusCodes.Status200OK) => OpenStackHttp.Json(body, statusCode);

    /// <summary>A <c>{"member": value}</c> JSON response (200 unless told).</summary>
    public static IResult Member(string member, JsonNode? value, int statusCode = StatusCodes.Status200OK) =>
        Json(new JsonObject { [member] = value }, statusCode);

    /// <summary>An empty response with <paramref name="statusCode"/> (202/204 for nova's actions and deletes).</summary>
    public static IResult Empty(int statusCode) => Results.StatusCode(statusCode);
}

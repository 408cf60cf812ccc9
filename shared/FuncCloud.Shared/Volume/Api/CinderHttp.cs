using System.Text.Json.Nodes;
using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.OpenStack.Errors;
using FuncCloud.Shared.OpenStack;
using FuncCloud.Shared.Security;
using Microsoft.AspNetCore.Http;

namespace FuncCloud.Shared.Volume.Api;

/// <summary>
/// The frame of every block storage function: request id, microversion negotiation and headers, cinder error
/// bodies (through <see cref="OpenStackHttp"/>), authentication, the URL project check and body parsing.
/// </summary>
public sealed class CinderHttp(IRequestAuthenticator authenticator)
{
    /// <summary>Runs an anonymous call (version discovery).</summary>
    public Task<IResult> RunAsync(HttpRequest request, Func<VolumeApiVersion, Task<IResult>> action) =>
        OpenStackHttp.ExecuteAsync(request, NovaErrorBodyFormatter.Instance, async () =>
        {
            var version = VolumeApiVersion.Negotiate(request);
            VolumeApiVersion.Apply(request.HttpContext.Response, version);
            return await action(version);
        });

    /// <summary>Runs a call under <c>/volume/v3/{projectId}</c> that needs a valid token scoped to that project.</summary>
    public Task<IResult> AuthenticatedAsync(HttpRequest request, string projectId, Func<VolumeCall, Task<IResult>> action, CancellationToken cancellationToken) =>
        RunAsync(request, async version =>
        {
            var caller = await authenticator.AuthenticateAsync(request, cancellationToken);
            if (caller.ProjectId is null)
            {
                throw new ForbiddenException("The block storage API requires a project-scoped token.");
            }

            // cinder's wsgi: the URL's project must be the token's (admins act on others through all_tenants).
            if (!string.Equals(caller.ProjectId, projectId, StringComparison.Ordinal))
            {
                throw new BadRequestException($"Malformed request URL: URL's project_id '{projectId}' doesn't match Context's project_id '{caller.ProjectId}'");
            }

            return await action(new VolumeCall(request, caller, version, projectId));
        });

    /// <summary>Runs an authenticated call whose body must be a JSON object.</summary>
    public Task<IResult> WithBodyAsync(HttpRequest request, string projectId, Func<VolumeCall, JsonObject, Task<IResult>> action, CancellationToken cancellationToken) =>
        AuthenticatedAsync(request, projectId, async call => await action(call, await JsonRequest.ReadObjectAsync(request, cancellationToken)), cancellationToken);

    /// <summary>A JSON response (200 unless told).</summary>
    public static IResult Json(JsonNode body, int statusCode = StatusCodes.Status200OK) => OpenStackHttp.Json(body, statusCode);

    /// <summary>A <c>{"member": value}</c> JSON response.</summary>
    public static IResult Member(string member, JsonNode? value, int statusCode = StatusCodes.Status200OK) =>
        Json(new JsonObject { [member] = value }, statusCode);

    /// <summary>An empty response (202 for actions, 204 for deletes).</summary>
    public static IResult Empty(int statusCode) => Results.StatusCode(statusCode);
}

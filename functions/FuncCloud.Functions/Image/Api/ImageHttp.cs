using System.Text.Json.Nodes;
using FuncCloud.Shared.OpenStack;
using FuncCloud.Shared.Security;
using Microsoft.AspNetCore.Http;

namespace FuncCloud.Functions.Image.Api;

/// <summary>
/// The frame of every image function: request id, Glance error bodies (through
/// <see cref="OpenStackHttp"/>), caller authentication and body parsing.
/// </summary>
public sealed class ImageHttp(IRequestAuthenticator authenticator)
{
    /// <summary>Runs an anonymous call (version discovery).</summary>
    public Task<IResult> RunAsync(HttpRequest request, Func<Task<IResult>> action) =>
        OpenStackHttp.ExecuteAsync(request, GlanceErrorBodyFormatter.Instance, action);

    /// <summary>Runs a call that needs a valid <c>X-Auth-Token</c>.</summary>
    public Task<IResult> AuthenticatedAsync(HttpRequest request, Func<RequestContext, Task<IResult>> action, CancellationToken cancellationToken) =>
        RunAsync(request, async () => await action(await authenticator.AuthenticateAsync(request, cancellationToken)));

    /// <summary>Runs an authenticated call with a JSON object body.</summary>
    public Task<IResult> WithBodyAsync(HttpRequest request, Func<RequestContext, JsonObject, Task<IResult>> action, CancellationToken cancellationToken) =>
        RunAsync(request, async () =>
        {
            var caller = await authenticator.AuthenticateAsync(request, cancellationToken);
            return await action(caller, await JsonRequest.ReadObjectAsync(request, cancellationToken));
        });

    /// <summary>204 No Content.</summary>
    public static IResult NoContent() => Results.NoContent();
}

using System.Text.Json.Nodes;
using FuncCloud.Functions.Identity.Tokens;
using FuncCloud.Shared.OpenStack;
using FuncCloud.Shared.OpenStack.Errors;
using FuncCloud.Shared.Security;
using Microsoft.AspNetCore.Http;

namespace FuncCloud.Functions.Identity.Api;

/// <summary>
/// The frame of every identity function: request id, keystone error bodies (through
/// <see cref="OpenStackHttp"/>), caller authentication and body parsing.
/// </summary>
public sealed class IdentityHttp(RequestAuthenticator authenticator)
{
    /// <summary>Runs an anonymous call.</summary>
    public Task<IResult> RunAsync(HttpRequest request, Func<Task<IResult>> action) =>
        OpenStackHttp.ExecuteAsync(request, KeystoneErrorBodyFormatter.Instance, action);

    /// <summary>Runs a call that needs a valid <c>X-Auth-Token</c>.</summary>
    public Task<IResult> AuthenticatedAsync(HttpRequest request, Func<RequestContext, Task<IResult>> action, CancellationToken cancellationToken) =>
        RunAsync(request, async () => await action(await authenticator.AuthenticateAsync(request, cancellationToken)));

    /// <summary>Runs an authenticated call whose body is <c>{"member": {...}}</c>.</summary>
    public Task<IResult> WithBodyAsync(HttpRequest request, string member, Func<RequestContext, JsonObject, Task<IResult>> action, CancellationToken cancellationToken) =>
        RunAsync(request, async () =>
        {
            var caller = await authenticator.AuthenticateAsync(request, cancellationToken);
            var body = await JsonRequest.ReadObjectAsync(request, cancellationToken);
            return await action(caller, body.RequireObject(member));
        });

    /// <summary>204 No Content.</summary>
    public static IResult NoContent() => Results.NoContent();
}

using System.Text.Json.Nodes;
using FuncCloud.Functions.Monitor.Services;
using FuncCloud.Shared.OpenStack;
using FuncCloud.Shared.OpenStack.Errors;
using FuncCloud.Shared.Security;
using FuncCloud.Shared.Security.Policy;
using Microsoft.AspNetCore.Http;

namespace FuncCloud.Functions.Monitor.Api;

/// <summary>
/// The frame of every monitor API function: request id, keystone's error body, the caller's token and the
/// monitor policy (admin only by default: workflows span every project and carry their inputs).
/// </summary>
public sealed class MonitorHttp(IRequestAuthenticator authenticator, PolicyEnforcer policy)
{
    /// <summary>Runs a read (<c>monitor:read</c>).</summary>
    public Task<IResult> ReadAsync(HttpRequest request, Func<RequestContext, Task<object>> action, CancellationToken cancellationToken) =>
        RunAsync(request, MonitorPolicyDefaults.Read, async caller => OpenStackHttp.Json(await action(caller)), cancellationToken);

    /// <summary>Runs an action that changes workflows (<c>monitor:operate</c>), with an optional JSON object body.</summary>
    public Task<IResult> OperateAsync(HttpRequest request, Func<RequestContext, JsonObject, Task<object>> action, CancellationToken cancellationToken) =>
        RunAsync(request, MonitorPolicyDefaults.Operate, async caller =>
        {
            var body = request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0
                ? await JsonRequest.ReadObjectAsync(request, cancellationToken)
                : [];
            return OpenStackHttp.Json(await action(caller, body), StatusCodes.Status202Accepted);
        }, cancellationToken);

    private Task<IResult> RunAsync(HttpRequest request, string rule, Func<RequestContext, Task<IResult>> action, CancellationToken cancellationToken) =>
        OpenStackHttp.ExecuteAsync(request, KeystoneErrorBodyFormatter.Instance, async () =>
        {
            var caller = await authenticator.AuthenticateAsync(request, cancellationToken);
            policy.Enforce(rule, caller);
            return await action(caller);
        });
}

using System.Text.Json.Nodes;
using FuncCloud.Shared.OpenStack;
using FuncCloud.Shared.OpenStack.Errors;
using FuncCloud.Shared.Security;
using Microsoft.AspNetCore.Http;

namespace FuncCloud.Functions.Alarming.Api;

/// <summary>The frame of every alarming function: request id, aodh error bodies, authentication, body parsing.</summary>
public sealed class AlarmingHttp(IRequestAuthenticator authenticator)
{
    /// <summary>Runs an anonymous call (version discovery).</summary>
    public Task<IResult> RunAsync(HttpRequest request, Func<Task<IResult>> action) =>
        OpenStackHttp.ExecuteAsync(request, AodhErrorBodyFormatter.Instance, action);

    /// <summary>Runs a call that needs a valid <c>X-Auth-Token</c>.</summary>
    public Task<IResult> AuthenticatedAsync(HttpRequest request, Func<RequestContext, Task<IResult>> action, CancellationToken cancellationToken) =>
        RunAsync(request, async () => await action(await authenticator.AuthenticateAsync(request, cancellationToken)));

    /// <summary>Runs an authenticated call with a JSON body (any JSON value: <c>PUT .../state</c> takes a bare string).</summary>
    public Task<IResult> WithBodyAsync(HttpRequest request, Func<RequestContext, JsonNode?, Task<IResult>> action, CancellationToken cancellationToken) =>
        RunAsync(request, async () =>
        {
            var caller = await authenticator.AuthenticateAsync(request, cancellationToken);
            return await action(caller, await JsonBody.ReadAsync(request, cancellationToken));
        });

    /// <summary>Runs an authenticated call whose body must be a JSON object.</summary>
    public Task<IResult> WithObjectAsync(HttpRequest request, Func<RequestContext, JsonObject, Task<IResult>> action, CancellationToken cancellationToken) =>
        WithBodyAsync(request, (caller, body) => action(caller, body as JsonObject ?? throw new BadRequestException("The request body must be a JSON object.")), cancellationToken);

    /// <summary>A JSON response.</summary>
    public static IResult Json(object body, int statusCode = StatusCodes.Status200OK) =>
        Results.Json(body, AodhJson.Errors, contentType: "application/json", statusCode: statusCode);
}

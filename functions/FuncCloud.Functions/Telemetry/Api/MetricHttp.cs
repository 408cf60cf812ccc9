using System.Text.Json.Nodes;
using FuncCloud.Shared.OpenStack;
using FuncCloud.Shared.Security;
using Microsoft.AspNetCore.Http;

namespace FuncCloud.Functions.Telemetry.Api;

/// <summary>The frame of every measures function: request id, gnocchi error bodies, authentication, bodies.</summary>
public sealed class MetricHttp(IRequestAuthenticator authenticator)
{
    /// <summary>Runs an anonymous call (version discovery).</summary>
    public Task<IResult> RunAsync(HttpRequest request, Func<Task<IResult>> action) =>
        OpenStackHttp.ExecuteAsync(request, GnocchiErrorBodyFormatter.Instance, action);

    /// <summary>Runs a call that needs a valid <c>X-Auth-Token</c>.</summary>
    public Task<IResult> AuthenticatedAsync(HttpRequest request, Func<RequestContext, Task<IResult>> action, CancellationToken cancellationToken) =>
        RunAsync(request, async () => await action(await authenticator.AuthenticateAsync(request, cancellationToken)));

    /// <summary>Runs an authenticated call with a JSON body (object or array).</summary>
    public Task<IResult> WithBodyAsync(HttpRequest request, Func<RequestContext, JsonNode, Task<IResult>> action, CancellationToken cancellationToken) =>
        RunAsync(request, async () =>
        {
            var caller = await authenticator.AuthenticateAsync(request, cancellationToken);
            var body = await JsonBody.ReadAsync(request, cancellationToken)
                ?? throw new TelemetryBadRequestException("Unable to decode body: the body is empty");
            return await action(caller, body);
        });

    /// <summary>The JSON body, or null when there is none.</summary>
    public static async Task<JsonNode?> OptionalBodyAsync(HttpRequest request, CancellationToken cancellationToken) =>
        request.ContentLength is null or 0 && !request.Headers.TransferEncoding.Any() ? null : await JsonBody.ReadAsync(request, cancellationToken);

    /// <summary>A JSON answer (explicit nulls kept, as gnocchi writes them).</summary>
    public static IResult Json(JsonNode body, int statusCode = StatusCodes.Status200OK) =>
        Results.Text(body.ToJsonString(), "application/json", System.Text.Encoding.UTF8, statusCode);
}

using System.Text.Json.Nodes;
using FuncCloud.Shared.OpenStack;
using FuncCloud.Shared.Security;
using Microsoft.AspNetCore.Http;

namespace FuncCloud.Functions.Network.Api;

/// <summary>
/// The frame of every networking function: request id, Neutron error bodies (through
/// <see cref="OpenStackHttp"/>), caller authentication and the <c>{"resource": {...}}</c> body envelope.
/// </summary>
public sealed class NeutronHttp(IRequestAuthenticator authenticator)
{
    /// <summary>Runs an anonymous call (version discovery).</summary>
    public Task<IResult> RunAsync(HttpRequest request, Func<Task<IResult>> action) =>
        OpenStackHttp.ExecuteAsync(request, NeutronErrorBodyFormatter.Instance, action);

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

    /// <summary>The object under <paramref name="name"/> in <paramref name="body"/> (neutron: "Resource body required").</summary>
    public static JsonObject Envelope(JsonObject body, string name) =>
        body[name] as JsonObject ?? throw NeutronException.BadRequest($"Resource body required: '{name}' is missing or not an object.", "HTTPBadRequest");

    /// <summary>The revision an <c>If-Match: revision_number=N</c> header demands, or null.</summary>
    public static long? IfMatchRevision(HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString();
        if (string.IsNullOrEmpty(header))
        {
            return null;
        }

        const string Prefix = "revision_number=";
        foreach (var part in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.StartsWith(Prefix, StringComparison.Ordinal) && long.TryParse(part[Prefix.Length..], out var revision))
            {
                return revision;
            }
        }

        throw NeutronException.BadRequest($"Invalid If-Match header '{header}': expected revision_number=N.", "HTTPBadRequest");
    }

    /// <summary>200 with <paramref name="body"/>.</summary>
    public static IResult Json(object body, int statusCode = StatusCodes.Status200OK) => OpenStackHttp.Json(body, statusCode);

    /// <summary>204 No Content.</summary>
    public static IResult NoContent() => Results.NoContent();
}

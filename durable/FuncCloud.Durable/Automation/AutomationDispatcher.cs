using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FuncCloud.Shared.Automation;
using Microsoft.Extensions.Options;

namespace FuncCloud.Durable.Automation;

/// <summary>
/// Executes an operation through the host's own public endpoint with the caller's token: the very same route,
/// binding, token validation, policy, validation and error bodies as any HTTP client gets, for every API present
/// and future. (In-process dispatch onto the pipeline is not available on the Azure Functions host, where the
/// worker does not own the HTTP pipeline; one mechanism on both hosts is worth a loopback hop.)
/// </summary>
public sealed class AutomationDispatcher : IDisposable
{
    private const int MaxTextBody = 64 * 1024;

    /// <summary>The response headers a result keeps (never X-Subject-Token: it is a credential).</summary>
    private static readonly string[] KeptHeaders = ["Location", "X-Openstack-Request-Id", "X-Compute-Request-Id", "OpenStack-API-Version", "X-OpenStack-Nova-API-Version", "ETag", "Content-Type"];

    private static readonly HashSet<string> ReservedRequestHeaders = new(StringComparer.OrdinalIgnoreCase) { "X-Auth-Token", "Host", "Content-Length", "Content-Type", "Transfer-Encoding", "Connection" };

    private readonly HttpClient _client;
    private readonly TimeProvider _clock;

    /// <summary>A dispatcher for <see cref="AutomationOptions.ApiEndpoint"/>.</summary>
    public AutomationDispatcher(IOptions<AutomationOptions> options, TimeProvider clock)
    {
        _clock = clock;
        var handler = new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(2), UseCookies = false };
        _client = new HttpClient(handler)
        {
            BaseAddress = new Uri(options.Value.ApiEndpoint!.TrimEnd('/') + "/"),
            Timeout = options.Value.OperationTimeout,
        };
    }

    /// <summary>Sends <paramref name="step"/> with <paramref name="token"/>; transport failures become a response with status 0.</summary>
    public async Task<StepResponse> SendAsync(AutomationStep step, string token, CancellationToken cancellationToken)
    {
        var started = _clock.GetUtcNow();
        try
        {
            using var request = new HttpRequestMessage(new HttpMethod(step.Method), Relative(step.Path, step.Query));
            request.Headers.TryAddWithoutValidation("X-Auth-Token", token);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            foreach (var (name, value) in step.Headers ?? new Dictionary<string, string>())
            {
                if (!ReservedRequestHeaders.Contains(name))
                {
                    request.Headers.TryAddWithoutValidation(name, value);
                }
            }

            if (step.Body is not null)
            {
                var contentType = step.Headers?.FirstOrDefault(h => string.Equals(h.Key, "Content-Type", StringComparison.OrdinalIgnoreCase)).Value ?? "application/json";
                request.Content = new StringContent(step.Body.ToJsonString(), Encoding.UTF8);
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            }

            using var response = await _client.SendAsync(request, cancellationToken);
            var headers = Headers(response);
            var body = await BodyAsync(response, cancellationToken);
            return new StepResponse((int)response.StatusCode, headers, body, ResourceUrl(step, response, headers, body), null, started, _clock.GetUtcNow());
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new StepResponse(0, new Dictionary<string, string>(), null, null, $"the API did not answer: {e.Message}", started, _clock.GetUtcNow());
        }
    }

    /// <summary>Reads the state of <paramref name="url"/>; a 404 is final (deleted when <paramref name="deleting"/>, a failure otherwise).</summary>
    public async Task<ResourceState> CheckAsync(string url, bool deleting, string token, CancellationToken cancellationToken)
    {
        var response = await SendAsync(new AutomationStep("check", "GET", url, null, null, null, false, []), token, cancellationToken);
        var now = response.FinishedAt;
        return response.StatusCode switch
        {
            404 => new ResourceState(url, 404, deleting ? "deleted" : null, true, !deleting, response.Body, now),
            >= 200 and < 300 when Status(response.Body) is var status => new ResourceState(
                url, response.StatusCode, status, !deleting && AutomationResourceStates.IsFinal(status), AutomationResourceStates.IsFailure(status), response.Body, now),
            0 or >= 500 => new ResourceState(url, response.StatusCode, null, false, false, response.Body, now), // try again
            _ => new ResourceState(url, response.StatusCode, null, true, true, response.Body, now),
        };
    }

    /// <summary>The <c>status</c> of a body: top level (glance) or inside the single wrapping member (<c>{"server": {...}}</c>).</summary>
    private static string? Status(JsonNode? body) => body switch
    {
        JsonObject obj when obj["status"] is JsonValue value && value.TryGetValue<string>(out var s) => s,
        JsonObject { Count: 1 } obj when obj.First().Value is JsonObject inner && inner["status"] is JsonValue value && value.TryGetValue<string>(out var s) => s,
        _ => null,
    };

    private static string Relative(string path, IReadOnlyDictionary<string, string>? query)
    {
        var builder = new StringBuilder(path.TrimStart('/'));
        if (query is { Count: > 0 })
        {
            builder.Append(path.Contains('?', StringComparison.Ordinal) ? '&' : '?');
            builder.AppendJoin('&', query.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
        }

        return builder.ToString();
    }

    private static Dictionary<string, string> Headers(HttpResponseMessage response)
    {
        var kept = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in KeptHeaders)
        {
            if (response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values))
            {
                kept[name] = string.Join(", ", values);
            }
        }

        return kept;
    }

    private static async Task<JsonNode?> BodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (text.Length == 0)
        {
            return null;
        }

        if (response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true)
        {
            try
            {
                return JsonNode.Parse(text);
            }
            catch (JsonException)
            {
                // Not JSON after all: keep it as text below.
            }
        }

        return JsonValue.Create(text.Length <= MaxTextBody ? text : text[..MaxTextBody]);
    }

    /// <summary>What the operation created or names: Location, else the collection path plus the body's id; PUT and DELETE name their path.</summary>
    private static string? ResourceUrl(AutomationStep step, HttpResponseMessage response, Dictionary<string, string> headers, JsonNode? body)
    {
        if (response.StatusCode == HttpStatusCode.NotFound || (int)response.StatusCode >= 300)
        {
            return null;
        }

        if (headers.TryGetValue("Location", out var location) && Uri.TryCreate(location, UriKind.RelativeOrAbsolute, out var uri))
        {
            return uri.IsAbsoluteUri ? uri.PathAndQuery : location;
        }

        if (step.Method is "PUT" or "DELETE")
        {
            return step.Path;
        }

        var id = body switch
        {
            JsonObject obj when obj["id"] is JsonValue v && v.TryGetValue<string>(out var s) => s,
            JsonObject { Count: 1 } obj when obj.First().Value is JsonObject inner && inner["id"] is JsonValue v && v.TryGetValue<string>(out var s) => s,
            _ => null,
        };
        return step.Method == "POST" && id is not null ? $"{step.Path.TrimEnd('/')}/{Uri.EscapeDataString(id)}" : null;
    }

    /// <inheritdoc />
    public void Dispose() => _client.Dispose();
}

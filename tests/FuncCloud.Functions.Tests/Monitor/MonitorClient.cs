using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace FuncCloud.Functions.Tests.Monitor;

/// <summary>Calls the monitor API with a keystone token.</summary>
public sealed class MonitorClient(HttpClient client, string? token)
{
    public async Task<(int Status, JsonElement Body)> SendAsync(HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, "/monitor/api" + path);
        if (token is not null)
        {
            request.Headers.Add("X-Auth-Token", token);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length > 0 ? JsonDocument.Parse(text).RootElement.Clone() : default);
    }

    public async Task<JsonElement> GetAsync(string path)
    {
        var (status, body) = await SendAsync(HttpMethod.Get, path);
        return status == 200 ? body : throw new InvalidOperationException($"GET {path}: {status} {body}");
    }

    public Task<JsonElement> InstanceAsync(string instanceId) => GetAsync("/orchestrations/" + Uri.EscapeDataString(instanceId));
}

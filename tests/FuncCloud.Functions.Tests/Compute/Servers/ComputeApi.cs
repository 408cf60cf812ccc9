using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using FuncCloud.Testing;

namespace FuncCloud.Functions.Tests.Compute.Servers;

/// <summary>Raw compute API calls with a Keystone token (for load and failure tests where the CLI is too slow).</summary>
public sealed class ComputeApi(HttpClient client, string token)
{
    public static async Task<ComputeApi> LoginAsync(IdentityHostFixture host, IDictionary<string, string> environment)
    {
        var result = await OpenStackCli.RunAsync(environment, "token", "issue", "-f", "json");
        return new ComputeApi(host.Client, result.Json.GetProperty("id").GetString()!);
    }

    public Task<string> BootAsync(string name, string flavor = "1") => BootAsyncWithImage(name, ComputeHostFixture.ImageId, flavor);

    public async Task<string> BootAsyncWithImage(string name, string imageId, string flavor = "1")
    {
        var body = $"{{\"server\": {{\"name\": \"{name}\", \"flavorRef\": \"{flavor}\", \"imageRef\": \"{imageId}\", \"networks\": \"none\"}}}}";
        using var response = await SendAsync(HttpMethod.Post, "/compute/v2.1/servers", body);
        var text = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode
            ? JsonDocument.Parse(text).RootElement.GetProperty("server").GetProperty("id").GetString()!
            : throw new InvalidOperationException($"boot {name}: {(int)response.StatusCode} {text}");
    }

    public async Task<JsonElement?> ShowAsync(string id)
    {
        using var response = await SendAsync(HttpMethod.Get, $"/compute/v2.1/servers/{id}", null);
        return response.IsSuccessStatusCode ? JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("server").Clone() : null;
    }

    /// <summary>Waits until the server leaves BUILD; returns its final view.</summary>
    public async Task<JsonElement> WaitSettledAsync(string id, TimeSpan timeout)
    {
        JsonElement? last = null;
        await Poll.UntilAsync(async () =>
        {
            last = await ShowAsync(id);
            return last?.GetProperty("status").GetString() is "ACTIVE" or "ERROR";
        }, $"server {id} to leave BUILD", timeout);
        return last!.Value;
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? body)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-Auth-Token", token);
        request.Headers.Add("X-OpenStack-Nova-API-Version", "2.79");
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        return await client.SendAsync(request);
    }
}

using System.Net.Http.Headers;
using FuncCloud.Testing;

namespace FuncCloud.Functions.Tests.ObjectStorage;

/// <summary>A bootstrapped LocalHost for the object-storage tests, with token helpers for raw HTTP.</summary>
public class ObjectStorageHostFixture : IdentityHostFixture
{
    /// <summary>The admin's token.</summary>
    public Task<string> AdminTokenAsync() => TokenAsync("admin", AdminPassword, "admin");

    /// <summary>The demo member's token.</summary>
    public Task<string> DemoTokenAsync() => TokenAsync("demo", DemoPassword, "demo");

    /// <summary>The storage URL of a project's account, e.g. <c>http://127.0.0.1:P/object-store/v1/AUTH_id</c>.</summary>
    public string AccountUrl(string projectId) => $"{BaseAddress.ToString().TrimEnd('/')}/object-store/v1/AUTH_{projectId}";

    /// <summary>A client that sends <paramref name="token"/> (none when null).</summary>
    public HttpClient ClientWith(string? token)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Add("X-Auth-Token", token);
        }

        return client;
    }

    /// <summary>The project id a token is scoped to (from the token validation call).</summary>
    public async Task<string> ProjectIdAsync(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/identity/v3/auth/tokens");
        request.Headers.Add("X-Auth-Token", token);
        request.Headers.Add("X-Subject-Token", token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("token").GetProperty("project").GetProperty("id").GetString()!;
    }

    /// <summary>swiftclient's environment for a Default-domain user (keystone v3, the catalog's object-store endpoint).</summary>
    public IDictionary<string, string> SwiftEnvironment(string user, string password, string project)
    {
        var environment = PasswordEnvironment(user, password, project);
        environment["OS_AUTH_VERSION"] = "3";
        environment["OS_ENDPOINT_TYPE"] = "publicURL";
        return environment;
    }
}

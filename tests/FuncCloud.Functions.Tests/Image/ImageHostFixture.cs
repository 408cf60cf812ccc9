using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FuncCloud.Testing;

namespace FuncCloud.Functions.Tests.Image;

/// <summary>A bootstrapped LocalHost with the default image enabled, plus token helpers for raw HTTP tests.</summary>
public class ImageHostFixture : IdentityHostFixture
{
    /// <inheritdoc />
    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["FuncCloud:Bootstrap:DefaultImage:Enabled"] = "true";
            settings["FuncCloud:Bootstrap:DefaultImage:SizeBytes"] = "65536";
            return settings;
        }
    }

    /// <summary>A project-scoped token (Default domain).</summary>
    public async Task<string> TokenAsync(string user, string password, string project)
    {
        var body = new JsonObject
        {
            ["auth"] = new JsonObject
            {
                ["identity"] = new JsonObject
                {
                    ["methods"] = new JsonArray("password"),
                    ["password"] = new JsonObject { ["user"] = new JsonObject { ["name"] = user, ["password"] = password, ["domain"] = new JsonObject { ["id"] = "default" } } },
                },
                ["scope"] = new JsonObject { ["project"] = new JsonObject { ["name"] = project, ["domain"] = new JsonObject { ["id"] = "default" } } },
            },
        };
        using var response = await Client.PostAsJsonAsync("/identity/v3/auth/tokens", body);
        response.EnsureSuccessStatusCode();
        return response.Headers.GetValues("X-Subject-Token").Single();
    }

    /// <summary>The admin's token.</summary>
    public Task<string> AdminTokenAsync() => TokenAsync("admin", AdminPassword, "admin");

    /// <summary>The demo member's token.</summary>
    public Task<string> DemoTokenAsync() => TokenAsync("demo", DemoPassword, "demo");

    /// <summary>A client that sends <paramref name="token"/>.</summary>
    public HttpClient ClientWith(string token)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.Add("X-Auth-Token", token);
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }
}

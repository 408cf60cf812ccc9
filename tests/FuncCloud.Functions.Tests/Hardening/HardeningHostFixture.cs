using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FuncCloud.Testing;

namespace FuncCloud.Functions.Tests.Hardening;

/// <summary>
/// A bootstrapped LocalHost with a token per persona the hardening tests probe as: the admin, the demo
/// project's member, a reader of the demo project (created here) and no token at all.
/// </summary>
public sealed class HardeningHostFixture : IdentityHostFixture, Xunit.IAsyncLifetime
{
    private const string ReaderPassword = "reader-pass-for-tests";

    /// <summary>The demo project's id.</summary>
    public string DemoProjectId { get; private set; } = string.Empty;

    /// <summary>Persona name to token (null: no token).</summary>
    public IReadOnlyDictionary<string, string?> Tokens { get; private set; } = new Dictionary<string, string?>();

    /// <inheritdoc />
    async Task Xunit.IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        var admin = await TokenAsync("admin", AdminPassword, "admin");
        DemoProjectId = (await GetAsync(admin, "/identity/v3/projects?name=demo"))["projects"]![0]!["id"]!.GetValue<string>();
        var readerRole = (await GetAsync(admin, "/identity/v3/roles?name=reader"))["roles"]![0]!["id"]!.GetValue<string>();
        using var create = new HttpRequestMessage(HttpMethod.Post, "/identity/v3/users")
        {
            Content = JsonContent.Create(new JsonObject
            {
                ["user"] = new JsonObject { ["name"] = "hardening-reader", ["password"] = ReaderPassword, ["domain_id"] = "default" },
            }),
        };
        create.Headers.Add("X-Auth-Token", admin);
        using var created = await Client.SendAsync(create);
        created.EnsureSuccessStatusCode();
        var readerId = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["user"]!["id"]!.GetValue<string>();
        using var grant = new HttpRequestMessage(HttpMethod.Put, $"/identity/v3/projects/{DemoProjectId}/users/{readerId}/roles/{readerRole}");
        grant.Headers.Add("X-Auth-Token", admin);
        (await Client.SendAsync(grant)).EnsureSuccessStatusCode();
        Tokens = new Dictionary<string, string?>
        {
            ["admin"] = admin,
            ["member"] = await TokenAsync("demo", DemoPassword, "demo"),
            ["reader"] = await TokenAsync("hardening-reader", ReaderPassword, "demo"),
            ["anonymous"] = null,
        };
    }

    /// <summary>Sends <paramref name="method"/> <paramref name="path"/> with raw body bytes as <paramref name="persona"/>.</summary>
    public async Task<(int Status, string Body, HttpResponseMessage Response)> SendAsync(
        HttpMethod method, string path, string persona = "admin", byte[]? body = null, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, path);
        if (Tokens.GetValueOrDefault(persona) is { } token)
        {
            request.Headers.Add("X-Auth-Token", token);
        }

        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        var response = await Client.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }

    private async Task<JsonNode> GetAsync(string token, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Auth-Token", token);
        using var response = await Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }
}

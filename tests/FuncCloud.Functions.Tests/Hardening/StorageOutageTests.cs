using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FuncCloud.Shared.OpenStack.Errors;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace FuncCloud.Functions.Tests.Hardening;

/// <summary>
/// A storage account that fails transiently (5xx, a reset connection) after the clients' retries gives each
/// service's own 503 in its own error shape, never a 500 (issue 8: a 500 from POST /auth/tokens on a loaded CI
/// machine), and the service works again once storage does.
/// </summary>
public sealed class StorageOutageTests(StorageOutageHostFixture host) : IClassFixture<StorageOutageHostFixture>, IDisposable
{
    public void Dispose() => host.Outage = StorageOutage.None;

    public static TheoryData<StorageOutage, string> Cases()
    {
        var data = new TheoryData<StorageOutage, string>();
        string[] paths =
        [
            "/identity/v3/projects", "/compute/v2.1/servers", "/volume/v3/{project}/volumes", "/image/v2/images",
            "/network/v2.0/networks", "/object-store/v1/AUTH_{project}", "/metric/v1/metric", "/alarming/v2/alarms",
        ];
        foreach (var outage in new[] { StorageOutage.ServerBusy, StorageOutage.ConnectionReset })
        {
            foreach (var path in paths)
            {
                data.Add(outage, path);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task List_StorageFails_503InTheServiceShape(StorageOutage outage, string template)
    {
        var token = await host.TokenAsync("admin", StorageOutageHostFixture.AdminPassword, "admin");
        var path = template.Replace("{project}", await ProjectIdAsync(token), StringComparison.Ordinal);

        host.Outage = outage;
        var (status, body) = await GetAsync(token, path);
        host.Outage = StorageOutage.None;

        status.ShouldBe(503, body);
        ErrorShapeAssert.Check(host.Services.GetRequiredService<ErrorShapeRegistry>(), path, 503, body).ShouldBeNull();
        (await GetAsync(token, path)).Status.ShouldBeInRange(200, 299);
    }

    [Fact]
    public async Task IssueToken_StorageFails_503InKeystoneShape()
    {
        host.Outage = StorageOutage.ConnectionReset;
        using var response = await host.Client.PostAsJsonAsync("/identity/v3/auth/tokens", new JsonObject
        {
            ["auth"] = new JsonObject
            {
                ["identity"] = new JsonObject
                {
                    ["methods"] = new JsonArray("password"),
                    ["password"] = new JsonObject
                    {
                        ["user"] = new JsonObject { ["name"] = "admin", ["domain"] = new JsonObject { ["id"] = "default" }, ["password"] = StorageOutageHostFixture.AdminPassword },
                    },
                },
            },
        });
        host.Outage = StorageOutage.None;

        var body = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBe(503, body);
        var error = JsonNode.Parse(body)!["error"]!;
        error["code"]!.GetValue<int>().ShouldBe(503);
        error["title"]!.GetValue<string>().ShouldBe("Service Unavailable");
    }

    private async Task<string> ProjectIdAsync(string token) =>
        JsonNode.Parse((await GetAsync(token, "/identity/v3/projects?name=admin")).Body)!["projects"]![0]!["id"]!.GetValue<string>();

    private async Task<(int Status, string Body)> GetAsync(string token, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Auth-Token", token);
        using var response = await host.Client.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}

using System.Text.Json;
using FuncCloud.Functions.Tests.Compute.Servers;
using FuncCloud.Testing;
using Shouldly;
using Xunit;

namespace FuncCloud.Functions.Tests.Network;

/// <summary>
/// Nova's <c>GET /servers/{id}/ips[/{network_label}]</c> (Tempest's volume-attach tests read a server's addresses
/// through it): the basic view (<c>version</c>, <c>addr</c>), 404 for a network the server is not on, readers
/// read, another project's server is not found.
/// </summary>
public sealed class ServerIpsTests(ServerNetworkingFixture host) : IClassFixture<ServerNetworkingFixture>
{
    [Fact]
    public async Task Ips_ListAndByNetwork_BasicView_PolicyAndIsolation()
    {
        var demo = host.DemoEnvironment;
        await OkAsync(demo, "network", "create", "ips-net");
        await OkAsync(demo, "subnet", "create", "--network", "ips-net", "--subnet-range", "10.7.0.0/24", "ips-sub");
        var serverId = (await JsonAsync(demo, "server", "create", "--flavor", "m1.tiny", "--image", ComputeHostFixture.ImageId, "--network", "ips-net", "--wait", "ips-vm", "-f", "json"))
            .GetProperty("id").GetString()!;
        var token = await host.TokenAsync("demo", ComputeHostFixture.DemoPassword, "demo");

        var (status, body) = await GetAsync($"/compute/v2.1/servers/{serverId}/ips", token);
        status.ShouldBe(200);
        body.EnumerateObject().Select(p => p.Name).ShouldBe(["addresses"]);
        var entry = body.GetProperty("addresses").GetProperty("ips-net").EnumerateArray().ShouldHaveSingleItem();
        entry.EnumerateObject().Select(p => p.Name).ShouldBe(["version", "addr"]);
        entry.GetProperty("version").GetInt32().ShouldBe(4);
        entry.GetProperty("addr").GetString()!.ShouldStartWith("10.7.0.");

        var (byNetworkStatus, byNetwork) = await GetAsync($"/compute/v2.1/servers/{serverId}/ips/ips-net", token);
        byNetworkStatus.ShouldBe(200);
        byNetwork.GetRawText().ShouldBe($$"""{"ips-net":[{"version":4,"addr":"{{entry.GetProperty("addr").GetString()}}"}]}""");
        var (missingStatus, missing) = await GetAsync($"/compute/v2.1/servers/{serverId}/ips/public", token);
        missingStatus.ShouldBe(404);
        missing.GetProperty("itemNotFound").GetProperty("message").GetString().ShouldBe("Instance is not a member of specified network");

        await OkAsync(host.AdminEnvironment, "user", "create", "--domain", "Default", "--password", "ips-reader-pass", "ips-reader");
        await OkAsync(host.AdminEnvironment, "role", "add", "--user", "ips-reader", "--project", "demo", "reader");
        (await GetAsync($"/compute/v2.1/servers/{serverId}/ips", await host.TokenAsync("ips-reader", "ips-reader-pass", "demo"))).Status.ShouldBe(200);
        var admin = await host.TokenAsync("admin", ComputeHostFixture.AdminPassword, "admin");
        await OkAsync(host.AdminEnvironment, "project", "create", "--domain", "Default", "ips-other");
        await OkAsync(host.AdminEnvironment, "user", "create", "--domain", "Default", "--password", "ips-other-pass", "ips-other");
        await OkAsync(host.AdminEnvironment, "role", "add", "--user", "ips-other", "--project", "ips-other", "member");
        (await GetAsync($"/compute/v2.1/servers/{serverId}/ips", await host.TokenAsync("ips-other", "ips-other-pass", "ips-other"))).Status.ShouldBe(404);
        (await GetAsync($"/compute/v2.1/servers/{serverId}/ips", admin)).Status.ShouldBe(200);
        (await GetAsync($"/compute/v2.1/servers/{serverId}/ips", null)).Status.ShouldBe(401);

        await OkAsync(demo, "server", "delete", "--wait", "ips-vm");
        (await GetAsync($"/compute/v2.1/servers/{serverId}/ips", token)).Status.ShouldBe(404);
    }

    private async Task<(int Status, JsonElement Body)> GetAsync(string path, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Add("X-Auth-Token", token);
        }

        using var response = await host.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length > 0 ? JsonDocument.Parse(text).RootElement.Clone() : default);
    }

    private static async Task<JsonElement> JsonAsync(IDictionary<string, string> environment, params string[] args)
    {
        var result = await OpenStackCli.RunAsync(environment, args);
        result.ExitCode.ShouldBe(0, result.ToString());
        return result.Json;
    }

    private static async Task OkAsync(IDictionary<string, string> environment, params string[] args)
    {
        var result = await OpenStackCli.RunAsync(environment, args);
        result.ExitCode.ShouldBe(0, result.ToString());
    }
}

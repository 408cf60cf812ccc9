using System.Text.Json;
using FuncCloud.Testing;
using Shouldly;
using Xunit;

namespace FuncCloud.Functions.Tests.Identity;

/// <summary>The real <c>openstack</c> CLI against a bootstrapped LocalHost.</summary>
public sealed class OpenStackCliTests(IdentityCliFixture host) : IClassFixture<IdentityCliFixture>
{
    private Task<CliResult> AdminAsync(params string[] args) => OpenStackCli.RunAsync(host.AdminEnvironment, args);

    private static async Task<JsonElement> JsonAsync(Task<CliResult> run)
    {
        var result = await run;
        result.ExitCode.ShouldBe(0, result.ToString());
        return result.Json;
    }

    [Fact]
    public async Task TokenIssue_Admin_ReturnsProjectScopedToken()
    {
        var token = await JsonAsync(AdminAsync("token", "issue", "-f", "json"));

        token.GetProperty("id").GetString()!.Length.ShouldBeGreaterThan(100);
        token.GetProperty("project_id").GetString().ShouldNotBeNullOrEmpty();
        token.GetProperty("user_id").GetString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task CatalogList_Admin_ShowsIdentityEndpoints()
    {
        var catalog = await JsonAsync(AdminAsync("catalog", "list", "-f", "json"));

        var identity = catalog.EnumerateArray().Single(s => s.GetProperty("Type").GetString() == "identity");
        identity.GetProperty("Name").GetString().ShouldBe("keystone");
        identity.GetProperty("Endpoints").ToString().ShouldContain(host.AuthUrl.Replace("/v3", string.Empty));
    }
}

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

    [Fact]
    public async Task Project_CreateListShowSetDelete_RoundTrips()
    {
        var created = await JsonAsync(AdminAsync("project", "create", "--description", "first", "cli-project", "-f", "json"));
        created.GetProperty("name").GetString().ShouldBe("cli-project");
        created.GetProperty("domain_id").GetString().ShouldBe("default");

        var duplicate = await AdminAsync("project", "create", "cli-project");
        duplicate.ExitCode.ShouldNotBe(0);
        duplicate.StandardError.ShouldContain("409");

        var list = await JsonAsync(AdminAsync("project", "list", "-f", "json"));
        list.EnumerateArray().Select(p => p.GetProperty("Name").GetString()).ShouldContain("cli-project");

        (await AdminAsync("project", "set", "--description", "second", "cli-project")).ExitCode.ShouldBe(0);
        var shown = await JsonAsync(AdminAsync("project", "show", "cli-project", "-f", "json"));
        shown.GetProperty("description").GetString().ShouldBe("second");

        (await AdminAsync("project", "delete", "cli-project")).ExitCode.ShouldBe(0);
        var gone = await AdminAsync("project", "show", "cli-project");
        gone.ExitCode.ShouldNotBe(0);
    }

    [Fact]
    public async Task User_CreateRoleAddAndAuthenticate_Works()
    {
        await JsonAsync(AdminAsync("project", "create", "user-project", "-f", "json"));
        var user = await JsonAsync(AdminAsync("user", "create", "--password", "u1-secret", "cli-user", "-f", "json"));
        user.GetProperty("name").GetString().ShouldBe("cli-user");

        (await AdminAsync("role", "add", "--user", "cli-user", "--project", "user-project", "member")).ExitCode.ShouldBe(0);
        var assignments = await JsonAsync(AdminAsync("role", "assignment", "list", "--names", "--project", "user-project", "-f", "json"));
        var entry = assignments.EnumerateArray().Single();
        entry.GetProperty("User").GetString().ShouldBe("cli-user@Default");
        entry.GetProperty("Role").GetString().ShouldBe("member");
        entry.GetProperty("Project").GetString().ShouldBe("user-project@Default");

        var asUser = host.PasswordEnvironment("cli-user", "u1-secret", "user-project");
        var token = await JsonAsync(OpenStackCli.RunAsync(asUser, "token", "issue", "-f", "json"));
        token.GetProperty("user_id").GetString().ShouldBe(user.GetProperty("id").GetString());

        (await AdminAsync("user", "set", "--email", "u@example.org", "cli-user")).ExitCode.ShouldBe(0);
        var users = await JsonAsync(AdminAsync("user", "list", "--long", "-f", "json"));
        users.EnumerateArray().Single(u => u.GetProperty("Name").GetString() == "cli-user").GetProperty("Email").GetString().ShouldBe("u@example.org");

        (await AdminAsync("user", "set", "--password", "u1-new", "cli-user")).ExitCode.ShouldBe(0);
        (await OpenStackCli.RunAsync(asUser, "token", "issue")).ExitCode.ShouldNotBe(0);

        (await AdminAsync("user", "delete", "cli-user")).ExitCode.ShouldBe(0);
        (await AdminAsync("user", "show", "cli-user")).ExitCode.ShouldNotBe(0);
    }

    [Fact]
    public async Task Group_CreateAndAddUser_MakesMember()
    {
        await JsonAsync(AdminAsync("group", "create", "cli-group", "-f", "json"));
        await JsonAsync(AdminAsync("user", "create", "--password", "g-secret", "group-user", "-f", "json"));

        (await AdminAsync("group", "add", "user", "cli-group", "group-user")).ExitCode.ShouldBe(0);
        (await AdminAsync("group", "contains", "user", "cli-group", "group-user")).StandardOutput.ShouldContain("group-user in group cli-group");
        var members = await JsonAsync(AdminAsync("user", "list", "--group", "cli-group", "-f", "json"));
        members.EnumerateArray().Select(u => u.GetProperty("Name").GetString()).ShouldBe(["group-user"]);
    }

    [Fact]
    public async Task ApplicationCredential_CreateThenAuthenticate_IssuesToken()
    {
        var credential = await JsonAsync(AdminAsync("application", "credential", "create", "cli-appcred", "-f", "json"));
        var id = credential.GetProperty("id").GetString()!;
        var secret = credential.GetProperty("secret").GetString()!;

        var environment = new Dictionary<string, string>
        {
            ["OS_AUTH_URL"] = host.AuthUrl,
            ["OS_AUTH_TYPE"] = "v3applicationcredential",
            ["OS_APPLICATION_CREDENTIAL_ID"] = id,
            ["OS_APPLICATION_CREDENTIAL_SECRET"] = secret,
            ["OS_IDENTITY_API_VERSION"] = "3",
            ["OS_REGION_NAME"] = "RegionOne",
        };
        var token = await JsonAsync(OpenStackCli.RunAsync(environment, "token", "issue", "-f", "json"));
        token.GetProperty("project_id").GetString().ShouldBe(credential.GetProperty("project_id").GetString());

        environment["OS_APPLICATION_CREDENTIAL_SECRET"] = "wrong";
        (await OpenStackCli.RunAsync(environment, "token", "issue")).ExitCode.ShouldNotBe(0);
    }

    [Fact]
    public async Task EndpointList_Admin_ShowsThreeIdentityInterfaces()
    {
        var endpoints = await JsonAsync(AdminAsync("endpoint", "list", "-f", "json"));

        var identity = endpoints.EnumerateArray().Where(e => e.GetProperty("Service Type").GetString() == "identity").ToList();
        identity.Select(e => e.GetProperty("Interface").GetString()).Order().ShouldBe(["admin", "internal", "public"]);
        identity.ShouldAllBe(e => e.GetProperty("Region").GetString() == "RegionOne");
    }

    [Fact]
    public async Task TokenRevoke_IssuedToken_NoLongerValidates()
    {
        var token = (await JsonAsync(AdminAsync("token", "issue", "-f", "json"))).GetProperty("id").GetString()!;
        var asToken = new Dictionary<string, string> { ["OS_AUTH_URL"] = host.AuthUrl, ["OS_AUTH_TYPE"] = "v3token", ["OS_TOKEN"] = token, ["OS_PROJECT_NAME"] = "admin", ["OS_PROJECT_DOMAIN_NAME"] = "Default", ["OS_IDENTITY_API_VERSION"] = "3" };
        (await OpenStackCli.RunAsync(asToken, "project", "list")).ExitCode.ShouldBe(0);

        (await AdminAsync("token", "revoke", token)).ExitCode.ShouldBe(0);

        var after = await OpenStackCli.RunAsync(asToken, "project", "list");
        after.ExitCode.ShouldNotBe(0);
    }

    [Fact]
    public async Task DemoMember_ProjectCreateAndForeignAssignments_Forbidden()
    {
        var create = await OpenStackCli.RunAsync(host.DemoEnvironment, "project", "create", "demo-made");
        create.ExitCode.ShouldNotBe(0);
        create.StandardError.ShouldContain("403");

        var adminProject = (await JsonAsync(AdminAsync("project", "show", "admin", "-f", "json"))).GetProperty("id").GetString()!;
        var foreign = await OpenStackCli.RunAsync(host.DemoEnvironment, "role", "assignment", "list", "--project", adminProject);
        foreign.ExitCode.ShouldNotBe(0);

        var own = await OpenStackCli.RunAsync(host.DemoEnvironment, "token", "issue", "-f", "json");
        own.ExitCode.ShouldBe(0, own.ToString());
    }
}

using System.Reflection;
using FuncCloud.Functions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace FuncCloud.Testing;

/// <summary>
/// A LocalHost running FuncCloud's functions with Identity bootstrapped (known admin and demo passwords,
/// a cheap BCrypt cost). The port is chosen before start so the catalog's endpoints point at this host.
/// </summary>
public class IdentityHostFixture : LocalHostFixture
{
    /// <summary>The bootstrap admin password.</summary>
    public const string AdminPassword = "admin-pass-for-tests";

    /// <summary>The bootstrap demo password.</summary>
    public const string DemoPassword = "demo-pass-for-tests";

    private readonly int _port = FreePorts.Next();

    /// <summary>The Keystone v3 URL, e.g. for OS_AUTH_URL.</summary>
    public string AuthUrl => $"http://127.0.0.1:{_port}/identity/v3";

    /// <inheritdoc />
    protected override IEnumerable<Assembly> FunctionAssemblies => [typeof(FunctionsAssembly).Assembly];

    /// <inheritdoc />
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["FuncCloud:Bootstrap:AdminPassword"] = AdminPassword,
        ["FuncCloud:Bootstrap:DemoPassword"] = DemoPassword,
        ["FuncCloud:Bootstrap:PublicEndpoint"] = $"http://127.0.0.1:{_port}",
        ["FuncCloud:Bootstrap:Region"] = "RegionOne",
        ["FuncCloud:Identity:PasswordHashCost"] = "4",
    };

    /// <inheritdoc />
    protected override void ConfigureServices(WebApplicationBuilder builder)
    {
        builder.WebHost.UseUrls($"http://127.0.0.1:{_port}");
        builder.Services.AddFuncCloudFunctions(builder.Configuration);
    }

    /// <summary>A project-scoped token for a Default-domain user, issued through this host.</summary>
    public Task<string> TokenAsync(string user, string password, string project) => KeystoneTokens.PasswordTokenAsync(Client, user, password, project);

    /// <summary>Environment for the openstack CLI as the bootstrap admin (project admin).</summary>
    public IDictionary<string, string> AdminEnvironment => PasswordEnvironment("admin", AdminPassword, "admin");

    /// <summary>Environment for the openstack CLI as the demo member (project demo).</summary>
    public IDictionary<string, string> DemoEnvironment => PasswordEnvironment("demo", DemoPassword, "demo");

    /// <summary>Password-auth environment for a user of the Default domain.</summary>
    public IDictionary<string, string> PasswordEnvironment(string user, string password, string project) => new Dictionary<string, string>
    {
        ["OS_AUTH_URL"] = AuthUrl,
        ["OS_USERNAME"] = user,
        ["OS_PASSWORD"] = password,
        ["OS_PROJECT_NAME"] = project,
        ["OS_USER_DOMAIN_NAME"] = "Default",
        ["OS_PROJECT_DOMAIN_NAME"] = "Default",
        ["OS_IDENTITY_API_VERSION"] = "3",
        ["OS_REGION_NAME"] = "RegionOne",
        ["OS_INTERFACE"] = "public",
    };
}

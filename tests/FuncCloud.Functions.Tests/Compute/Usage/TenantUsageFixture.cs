using FuncCloud.Functions.Tests.Compute.Servers;
using FuncCloud.Shared.Compute.Servers;
using FuncCloud.Testing;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace FuncCloud.Functions.Tests.Compute.Usage;

/// <summary>
/// A compute host where servers ran once, through the CLI on the Fake driver: demo's <c>u-tiny</c> (m1.tiny, still
/// running) and <c>u-small</c> (m1.small, deleted), admin's <c>u-admin</c> (m1.tiny); plus a reader of demo.
/// </summary>
public sealed class TenantUsageFixture : ComputeHostFixture
{
    public const string ReaderName = "usage-reader";
    public const string ReaderPassword = "usage-reader-pass";
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Ran? _ran;

    /// <summary>The servers that ran, with their ids.</summary>
    public sealed record Ran(string Tiny, string Small, string Admin, string DemoProjectId, string AdminProjectId);

    public IDictionary<string, string> Demo => WithCompute(DemoEnvironment);

    public IDictionary<string, string> AdminCli => WithCompute(AdminEnvironment);

    public IDictionary<string, string> Reader => WithCompute(PasswordEnvironment(ReaderName, ReaderPassword, "demo"));

    /// <summary>Boots and deletes the servers once (the first test to ask pays).</summary>
    public async Task<Ran> EnsureServersAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_ran is null)
            {
                await OkAsync(AdminCli, "user", "create", "--domain", "Default", "--password", ReaderPassword, ReaderName);
                await OkAsync(AdminCli, "role", "add", "--user", ReaderName, "--project", "demo", "reader");
                var tiny = await BootAsync(Demo, "m1.tiny", "u-tiny");
                var small = await BootAsync(Demo, "m1.small", "u-small");
                var admin = await BootAsync(AdminCli, "m1.tiny", "u-admin");
                await OkAsync(Demo, "server", "delete", "--wait", small);
                var servers = Services.GetRequiredService<ServerRepository>();
                var demoProject = (await servers.FindAsync(tiny, CancellationToken.None))!.ProjectId;
                var adminProject = (await servers.FindAsync(admin, CancellationToken.None))!.ProjectId;
                _ran = new Ran(tiny, small, admin, demoProject, adminProject);
            }

            return _ran;
        }
        finally
        {
            _gate.Release();
        }
    }

    private static async Task<string> BootAsync(IDictionary<string, string> environment, string flavor, string name)
    {
        var result = await OpenStackCli.RunAsync(environment, "server", "create", "--flavor", flavor, "--image", ImageId, "--nic", "none", "--wait", name, "-f", "json");
        result.ExitCode.ShouldBe(0, result.ToString());
        result.Json.GetProperty("status").GetString().ShouldBe("ACTIVE");
        return result.Json.GetProperty("id").GetString()!;
    }

    private static async Task OkAsync(IDictionary<string, string> environment, params string[] args)
    {
        var result = await OpenStackCli.RunAsync(environment, args);
        result.ExitCode.ShouldBe(0, result.ToString());
    }

    private static IDictionary<string, string> WithCompute(IDictionary<string, string> environment) =>
        new Dictionary<string, string>(environment) { ["OS_COMPUTE_API_VERSION"] = "2.79" };
}

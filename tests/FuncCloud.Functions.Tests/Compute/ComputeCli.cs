using System.Text.Json;
using FuncCloud.Testing;
using Shouldly;

namespace FuncCloud.Functions.Tests.Compute;

/// <summary>Helpers for running the <c>openstack</c> CLI in the compute tests.</summary>
public static class ComputeCli
{
    /// <summary>Runs the CLI as the bootstrap admin.</summary>
    public static Task<CliResult> AdminAsync(this ComputeCliFixture host, params string[] args) => OpenStackCli.RunAsync(host.AdminEnvironment, args);

    /// <summary>Runs the CLI as the demo member.</summary>
    public static Task<CliResult> DemoAsync(this ComputeCliFixture host, params string[] args) => OpenStackCli.RunAsync(host.DemoEnvironment, args);

    /// <summary>Asserts success and parses <c>-f json</c> output.</summary>
    public static async Task<JsonElement> JsonAsync(this Task<CliResult> run)
    {
        var result = await run;
        result.ExitCode.ShouldBe(0, result.ToString());
        return result.Json;
    }
}

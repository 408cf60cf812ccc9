using System.Text.Json;
using FuncCloud.Functions.Tests.Compute.Servers;
using FuncCloud.Testing;
using Shouldly;

namespace FuncCloud.Functions.Tests.Volume;

/// <summary>Helpers for the block storage CLI tests.</summary>
public static class VolumeCli
{
    /// <summary>Runs the CLI with <paramref name="environment"/>.</summary>
    public static Task<CliResult> RunAsync(IDictionary<string, string> environment, params string[] args) => OpenStackCli.RunAsync(environment, args);

    /// <summary>Runs the CLI, asserts success and parses <c>-f json</c> output.</summary>
    public static async Task<JsonElement> JsonAsync(IDictionary<string, string> environment, params string[] args)
    {
        var result = await OpenStackCli.RunAsync(environment, [.. args, "-f", "json"]);
        result.ExitCode.ShouldBe(0, result.ToString());
        return result.Json;
    }

    /// <summary>Polls <c>openstack {kind} show</c> until the status is one of <paramref name="statuses"/>.</summary>
    public static async Task<JsonElement> WaitStatusAsync(IDictionary<string, string> environment, string[] show, params string[] statuses)
    {
        JsonElement last = default;
        await Poll.UntilAsync(async () =>
        {
            last = await JsonAsync(environment, show);
            return statuses.Contains(last.GetProperty("status").GetString());
        }, $"{string.Join(' ', show)} to reach {string.Join('/', statuses)}", TimeSpan.FromMinutes(2));
        return last;
    }
}

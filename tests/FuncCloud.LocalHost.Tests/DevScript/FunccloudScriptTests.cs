using System.Net;
using System.Net.Sockets;
using FuncCloud.Testing;
using Shouldly;
using Xunit;

namespace FuncCloud.LocalHost.Tests.DevScript;

/// <summary>
/// Drives the real <c>./funccloud</c> script: up -d, status, down, and its refusals. It uses a private
/// state folder and free ports, so it never touches a developer's running FuncCloud.
/// </summary>
public sealed class FunccloudScriptTests : IDisposable
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(20);
    private readonly string _home = Directory.CreateTempSubdirectory("funccloud-home-").FullName;
    private readonly int _port = FreePorts.Next();
    private readonly Dictionary<string, string?> _environment;

    public FunccloudScriptTests()
    {
        _environment = new Dictionary<string, string?>
        {
            ["FUNCCLOUD_HOME"] = _home,
            ["FUNCCLOUD_PORT"] = _port.ToString(),
            ["FUNCCLOUD_BLOB_PORT"] = FreePorts.Next().ToString(),
            ["FUNCCLOUD_QUEUE_PORT"] = FreePorts.Next().ToString(),
            ["FUNCCLOUD_TABLE_PORT"] = FreePorts.Next().ToString(),
        };
    }

    [Fact]
    public async Task UpDetached_ThenDown_ServesHealthyEndpointAndLeavesNoProcess()
    {
        var up = await FunccloudAsync("up", "-d");
        up.ExitCode.ShouldBe(0, up.Output);
        up.StandardOutput.ShouldContain($"FuncCloud is up: http://127.0.0.1:{_port}");

        using (var client = new HttpClient())
        {
            (await client.GetStringAsync($"http://127.0.0.1:{_port}/admin/host/status")).ShouldContain("\"state\":\"Running\"");
        }

        File.ReadAllText(Path.Combine(_home, "openrc")).ShouldContain($"OS_AUTH_URL=http://127.0.0.1:{_port}/identity/v3");
        var pids = Directory.GetFiles(Path.Combine(_home, "pids"), "*.pid").Select(f => int.Parse(File.ReadAllText(f).Split(' ')[0])).ToList();
        pids.Count.ShouldBe(3);

        var status = await FunccloudAsync("status");
        status.StandardOutput.ShouldContain("localhost  running");
        status.StandardOutput.ShouldContain("azurite    running");
        status.StandardOutput.ShouldContain("agent      running");

        var again = await FunccloudAsync("up", "-d");
        again.ExitCode.ShouldNotBe(0);
        again.StandardError.ShouldContain("already running");

        var down = await FunccloudAsync("down");
        down.ExitCode.ShouldBe(0, down.Output);
        foreach (var pid in pids)
        {
            IsAlive(pid).ShouldBeFalse($"pid {pid} survived ./funccloud down");
        }

        (await FunccloudAsync("status")).StandardOutput.ShouldContain("localhost  stopped");
    }

    [Fact]
    public async Task Up_PortInUse_FailsWithClearMessage()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, _port);
        squatter.Start();

        var up = await FunccloudAsync("up", "-d");

        up.ExitCode.ShouldNotBe(0);
        up.StandardError.ShouldContain($"port {_port} on 127.0.0.1 is already in use");
        Directory.Exists(Path.Combine(_home, "pids")).ShouldBeFalse();
    }

    [Fact]
    public async Task DownAndUp_StalePidFileNowAnotherProcess_NeitherKillsNorBlocks()
    {
        // A pid file left by a FuncCloud that died; its pid now belongs to an unrelated process.
        using var stranger = System.Diagnostics.Process.Start("sleep", "300");
        try
        {
            var pids = Directory.CreateDirectory(Path.Combine(_home, "pids")).FullName;
            foreach (var name in new[] { "azurite", "localhost", "agent" })
            {
                File.WriteAllText(Path.Combine(pids, name + ".pid"), $"{stranger.Id} 1\n");
            }

            (await FunccloudAsync("status")).StandardOutput.ShouldContain("localhost  stopped");
            var down = await FunccloudAsync("down");
            down.ExitCode.ShouldBe(0, down.Output);
            stranger.HasExited.ShouldBeFalse("./funccloud down killed a process it did not start");

            File.WriteAllText(Path.Combine(pids, "localhost.pid"), $"{stranger.Id} 1\n");
            using var squatter = new TcpListener(IPAddress.Loopback, _port);
            squatter.Start();
            var up = await FunccloudAsync("up", "-d");
            up.StandardError.ShouldNotContain("already running");
            up.StandardError.ShouldContain($"port {_port} on 127.0.0.1 is already in use");
            stranger.HasExited.ShouldBeFalse();
        }
        finally
        {
            stranger.Kill();
        }
    }

    /// <summary>
    /// The README's quick start and walkthrough, line for line as written, in a shell that has nothing but
    /// what the generated openrc files set (a newcomer's terminal with Debian's CLI).
    /// </summary>
    [Fact]
    public async Task ReadmeWalkthrough_AsWritten_WorksWithOnlyTheOpenrc()
    {
        await OpenStackCli.EnsureInstalledAsync();
        var blocks = ReadmeBashBlocks();
        var upLine = blocks[0].Split('\n').Single(l => l.StartsWith("./funccloud up", StringComparison.Ordinal));
        // The walkthrough is the first block that sources an openrc (later ones, e.g. automation's, have their own tests).
        var walkthrough = blocks.First(b => b.Contains("source .funccloud/openrc", StringComparison.Ordinal));

        var up = await ProcessRunner.RunAsync("bash", ["-euo", "pipefail", "-c", upLine], CommandTimeout, environment: _environment);
        up.ExitCode.ShouldBe(0, up.Output);

        // The README's paths are relative to the checkout: give the shell a folder whose .funccloud is ours.
        var terminal = Directory.CreateTempSubdirectory("funccloud-newcomer-").FullName;
        try
        {
            File.CreateSymbolicLink(Path.Combine(terminal, ".funccloud"), _home);
            var clean = new Dictionary<string, string?> { ["PATH"] = "/usr/local/bin:/usr/bin:/bin", ["HOME"] = terminal };
            var run = await ProcessRunner.RunAsync(
                "env", ["-i", .. clean.Select(kv => $"{kv.Key}={kv.Value}"), "bash", "-euxo", "pipefail", "-c", walkthrough],
                CommandTimeout, workingDirectory: terminal);

            run.ExitCode.ShouldBe(0, run.Output);
            run.StandardOutput.ShouldContain("funccloud-test-image");
            // event show lists the create workflow's steps (nova's compute__do_build_and_run_instance and friends).
            run.StandardOutput.ShouldContain("events");
            run.StandardOutput.ShouldContain("compute__do_build_and_run_instance");
        }
        finally
        {
            Directory.Delete(terminal, recursive: true);
        }
    }

    /// <summary>
    /// kill -9 of the LocalHost right after a create was accepted (the boot workflows in flight), then
    /// <c>down</c> and <c>up -d</c>: the restarted LocalHost owns its partitions again at once (stable worker id)
    /// and the messages its dead self had fetched reappear within the control-queue visibility timeout (20 s),
    /// so every server settles (ACTIVE, or ERROR with a fault) within 60 s instead of sitting in BUILD for 5 min.
    /// </summary>
    [Fact]
    public async Task KillLocalHostMidBoot_ThenUpAgain_EveryServerSettlesWithinAMinute()
    {
        var up = await FunccloudAsync("up", "-d");
        up.ExitCode.ShouldBe(0, up.Output);
        var demo = File.ReadAllLines(Path.Combine(_home, "openrc.demo"))
            .Where(l => l.StartsWith("export ", StringComparison.Ordinal))
            .Select(l => l["export ".Length..].Split('=', 2))
            .ToDictionary(kv => kv[0], kv => kv[1]);

        var created = await OpenStackCli.RunAsync(demo, "server", "create", "--flavor", "m1.tiny", "--image", "funccloud-test-image", "--nic", "none", "--min", "4", "--max", "4", "crash");
        created.ExitCode.ShouldBe(0, created.ToString());
        var localhost = int.Parse(File.ReadAllText(Path.Combine(_home, "pids", "localhost.pid")).Split(' ')[0]);
        System.Diagnostics.Process.GetProcessById(localhost).Kill(entireProcessTree: false); // SIGKILL

        (await FunccloudAsync("down")).ExitCode.ShouldBe(0);
        var again = await FunccloudAsync("up", "-d");
        again.ExitCode.ShouldBe(0, again.Output);

        var settled = System.Diagnostics.Stopwatch.StartNew();
        string last = string.Empty;
        while (true)
        {
            var list = await OpenStackCli.RunAsync(demo, "server", "list", "-f", "json");
            list.ExitCode.ShouldBe(0, list.ToString());
            last = list.StandardOutput;
            var servers = list.Json.EnumerateArray().Where(s => s.GetProperty("Name").GetString()!.StartsWith("crash", StringComparison.Ordinal)).ToList();
            servers.Count.ShouldBe(4, last);
            if (servers.All(s => s.GetProperty("Status").GetString() is "ACTIVE" or "ERROR"))
            {
                foreach (var error in servers.Where(s => s.GetProperty("Status").GetString() == "ERROR"))
                {
                    var shown = await OpenStackCli.RunAsync(demo, "server", "show", error.GetProperty("ID").GetString()!, "-f", "json");
                    shown.Json.GetProperty("fault").ToString().ShouldNotBeNullOrEmpty();
                }

                break;
            }

            settled.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(60), $"servers still building after the restart: {last}");
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    [Fact]
    public async Task UnknownCommand_PrintsUsageAndFails()
    {
        var result = await FunccloudAsync("frobnicate");

        result.ExitCode.ShouldNotBe(0);
        result.StandardError.ShouldContain("unknown command 'frobnicate'");
    }

    public void Dispose()
    {
        // Whatever a failed assertion left running goes now.
        FunccloudAsync("down").GetAwaiter().GetResult();
        Directory.Delete(_home, recursive: true);
    }

    private Task<ProcessResult> FunccloudAsync(params string[] args) =>
        ProcessRunner.RunAsync(Path.Combine(RepositoryRoot.Path, "funccloud"), args, CommandTimeout, environment: _environment);

    // The ```bash fenced blocks of README.md, in order.
    private static List<string> ReadmeBashBlocks()
    {
        var blocks = new List<string>();
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot.Path, "README.md"));
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim() != "```bash")
            {
                continue;
            }

            var end = Array.FindIndex(lines, i + 1, l => l.Trim() == "```");
            blocks.Add(string.Join('\n', lines[(i + 1)..end]));
            i = end;
        }

        return blocks;
    }

    private static bool IsAlive(int pid) => Directory.Exists($"/proc/{pid}") && !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ");
}

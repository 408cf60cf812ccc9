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
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(5);
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
        var pids = Directory.GetFiles(Path.Combine(_home, "pids"), "*.pid").Select(f => int.Parse(File.ReadAllText(f).Trim())).ToList();
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

    private static bool IsAlive(int pid) => Directory.Exists($"/proc/{pid}") && !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ");
}

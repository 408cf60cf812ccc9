using System.Diagnostics;
using System.Text.Json;

namespace FuncCloud.Testing;

/// <summary>The outcome of one CLI run.</summary>
public sealed record CliResult(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>Stdout parsed as JSON (for <c>-f json</c>).</summary>
    public JsonElement Json => JsonDocument.Parse(StandardOutput).RootElement;

    /// <inheritdoc />
    public override string ToString() => $"exit {ExitCode}\nstdout: {StandardOutput}\nstderr: {StandardError}";
}

/// <summary>
/// Runs Debian's <c>openstack</c> CLI with an explicit environment (inherited <c>OS_*</c> variables are
/// cleared). Installs <c>python3-openstackclient</c> with apt-get when missing (one process at a time).
/// </summary>
public static class OpenStackCli
{
    private const string Executable = "/usr/bin/openstack";
    private static readonly SemaphoreSlim InstallGate = new(1, 1);

    /// <summary>Runs <c>openstack args...</c> with <paramref name="environment"/>.</summary>
    public static async Task<CliResult> RunAsync(IDictionary<string, string> environment, params string[] args)
    {
        await EnsureInstalledAsync();
        var info = new ProcessStartInfo(Executable, args) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("OS_", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(key);
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start openstack.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"openstack {string.Join(' ', args)} did not finish in 120 s.");
        }

        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Installs the CLI once per machine (apt-get, guarded by a lock file between test processes).</summary>
    public static async Task EnsureInstalledAsync()
    {
        if (File.Exists(Executable))
        {
            return;
        }

        await InstallGate.WaitAsync();
        try
        {
            using var installLock = await InterProcessLock.AcquireAsync(Path.Combine(Path.GetTempPath(), "funccloud-openstackclient.lock"));
            if (!File.Exists(Executable))
            {
                await RunShellAsync("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-openstackclient");
            }
        }
        finally
        {
            InstallGate.Release();
        }
    }

    private static async Task RunShellAsync(string command)
    {
        var info = new ProcessStartInfo("bash", ["-c", command]) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start bash.");
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{command}' failed ({process.ExitCode}): {await stderr}");
        }
    }
}

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

        // Inherited OS_* variables would mix another cloud's settings into the run: clear them, then set ours.
        var variables = Environment.GetEnvironmentVariables().Keys.Cast<string>()
            .Where(k => k.StartsWith("OS_", StringComparison.Ordinal))
            .ToDictionary(k => k, _ => (string?)null);
        foreach (var (key, value) in environment)
        {
            variables[key] = value;
        }

        var result = await ProcessRunner.RunAsync(Executable, args, TimeSpan.FromSeconds(120), environment: variables);
        return new CliResult(result.ExitCode, result.StandardOutput, result.StandardError);
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
        var result = await ProcessRunner.RunAsync("bash", ["-c", command], TimeSpan.FromMinutes(10));
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{command}' failed ({result.ExitCode}): {result.StandardError}");
        }
    }
}

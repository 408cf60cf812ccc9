namespace FuncCloud.Testing;

/// <summary>
/// Runs Debian's <c>swift</c> CLI (python3-swiftclient) with an explicit environment (inherited <c>OS_*</c> and
/// <c>ST_*</c> variables are cleared). Installs the package with apt-get when missing (one process at a time).
/// </summary>
public static class SwiftCli
{
    private const string Executable = "/usr/bin/swift";
    private static readonly SemaphoreSlim InstallGate = new(1, 1);

    /// <summary>Runs <c>swift args...</c> with <paramref name="environment"/> in <paramref name="workingDirectory"/>.</summary>
    public static async Task<CliResult> RunAsync(IDictionary<string, string> environment, string? workingDirectory, params string[] args)
    {
        await EnsureInstalledAsync();
        var variables = Environment.GetEnvironmentVariables().Keys.Cast<string>()
            .Where(k => k.StartsWith("OS_", StringComparison.Ordinal) || k.StartsWith("ST_", StringComparison.Ordinal))
            .ToDictionary(k => k, _ => (string?)null);
        foreach (var (key, value) in environment)
        {
            variables[key] = value;
        }

        var result = await ProcessRunner.RunAsync(Executable, args, TimeSpan.FromSeconds(300), workingDirectory, variables);
        return new CliResult(result.ExitCode, result.StandardOutput, result.StandardError);
    }

    /// <summary>Installs swiftclient once per machine (apt-get, guarded by a lock file between test processes).</summary>
    public static async Task EnsureInstalledAsync()
    {
        if (File.Exists(Executable))
        {
            return;
        }

        await InstallGate.WaitAsync();
        try
        {
            using var installLock = await InterProcessLock.AcquireAsync(Path.Combine(Path.GetTempPath(), "funccloud-swiftclient.lock"));
            if (!File.Exists(Executable))
            {
                var result = await ProcessRunner.RunAsync("bash", ["-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-swiftclient"], TimeSpan.FromMinutes(10));
                if (result.ExitCode != 0)
                {
                    throw new InvalidOperationException($"Installing python3-swiftclient failed ({result.ExitCode}): {result.StandardError}");
                }
            }
        }
        finally
        {
            InstallGate.Release();
        }
    }
}

using System.Diagnostics;
using FuncCloud.Agent.Privileged;
using Xunit;

namespace FuncCloud.Agent.Tests.Storage;

/// <summary>
/// qemu-img and tgtd for the tests that need them: installs qemu-utils and tgt when missing, starts tgtd on
/// 127.0.0.1:3260 in the foreground as this process's child when none is running, and on dispose removes every
/// target under <see cref="IqnPrefix"/> (unique per run) and stops the tgtd it started — never one it found.
/// </summary>
public sealed class TgtdFixture : IAsyncLifetime
{
    private readonly HostCommand _host = new();
    private Process? _started;

    /// <summary>The IQN prefix of this run's targets: a random id, so a leftover target names its run.</summary>
    public string IqnPrefix { get; } = $"iqn.2026-12.cloud.funccloud.test-{Guid.NewGuid():N}:";

    /// <summary>True when this fixture started tgtd (and will stop it).</summary>
    public bool StartedTgtd => _started is not null;

    public async Task InitializeAsync()
    {
        if (!File.Exists("/usr/bin/qemu-img") || !File.Exists("/usr/sbin/tgtd"))
        {
            await _host.RunAsync("/bin/sh", ["-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends qemu-utils tgt"], CancellationToken.None);
        }

        if (await RunningAsync())
        {
            return;
        }

        // -f keeps tgtd in the foreground, so its pid is ours to stop (a daemonised tgtd would outlive the run).
        var start = new ProcessStartInfo("tgtd") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-f", "--iscsi", "portal=127.0.0.1:3260" })
        {
            start.ArgumentList.Add(arg);
        }

        _started = Process.Start(start) ?? throw new InvalidOperationException("Could not start tgtd.");
        _started.OutputDataReceived += (_, _) => { };
        _started.ErrorDataReceived += (_, _) => { };
        _started.BeginOutputReadLine();
        _started.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await RunningAsync())
        {
            if (_started.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"tgtd did not start (exited: {_started.HasExited}).");
            }

            await Task.Delay(100);
        }
    }

    public async Task DisposeAsync()
    {
        var shown = await _host.TryRunAsync("tgtadm", ["--lld", "iscsi", "--mode", "target", "--op", "show"], CancellationToken.None);
        foreach (var line in shown.StandardOutput.Split('\n').Where(l => l.StartsWith("Target ", StringComparison.Ordinal) && l.Contains(IqnPrefix, StringComparison.Ordinal)))
        {
            var tid = line[7..line.IndexOf(':', StringComparison.Ordinal)];
            await _host.TryRunAsync("tgtadm", ["--lld", "iscsi", "--mode", "target", "--op", "delete", "--force", "--tid", tid], CancellationToken.None);
        }

        if (_started is { } tgtd)
        {
            if (!tgtd.HasExited)
            {
                tgtd.Kill(entireProcessTree: true);
                await tgtd.WaitForExitAsync();
            }

            tgtd.Dispose();
        }
    }

    /// <summary>The targets under this run's prefix that tgtd still serves.</summary>
    public async Task<IReadOnlyList<string>> OwnTargetsAsync()
    {
        var shown = await _host.TryRunAsync("tgtadm", ["--lld", "iscsi", "--mode", "target", "--op", "show"], CancellationToken.None);
        return [.. shown.StandardOutput.Split('\n').Where(l => l.StartsWith("Target ", StringComparison.Ordinal) && l.Contains(IqnPrefix, StringComparison.Ordinal))];
    }

    private async Task<bool> RunningAsync() =>
        (await _host.TryRunAsync("tgtadm", ["--lld", "iscsi", "--mode", "target", "--op", "show"], CancellationToken.None)).ExitCode == 0;
}

/// <summary>The tests that share one <see cref="TgtdFixture"/> (tgtd is one per machine: they do not run in parallel).</summary>
[CollectionDefinition(Name)]
public sealed class TgtdCollection : ICollectionFixture<TgtdFixture>
{
    public const string Name = "tgtd";
}

using System.Globalization;

namespace FuncCloud.Agent.Network.LinuxBridge;

/// <summary>
/// A daemon this driver started in a namespace (dnsmasq, haproxy), known by the pid file it writes into its
/// folder. The pid is trusted only while that process's command line still names the folder's file, since a pid
/// left by a killed agent may belong to another process by now.
/// </summary>
public static class DaemonProcess
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The daemon's pid when <paramref name="pidFile"/> names a live process whose command line contains <paramref name="marker"/>.</summary>
    public static int? RunningPid(string pidFile, string marker)
    {
        if (!File.Exists(pidFile) || !int.TryParse(File.ReadAllText(pidFile).Trim(), CultureInfo.InvariantCulture, out var pid))
        {
            return null;
        }

        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Contains(marker, StringComparison.Ordinal) ? pid : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>TERM, then KILL after a bound; returns when the process is gone (or was not running).</summary>
    public static async Task StopAsync(NetworkCommands commands, string pidFile, string marker, CancellationToken cancellationToken)
    {
        if (RunningPid(pidFile, marker) is not { } pid)
        {
            return;
        }

        await commands.SignalAsync(pid, "TERM", cancellationToken);
        var deadline = DateTime.UtcNow + StopTimeout;
        while (RunningPid(pidFile, marker) is not null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, cancellationToken);
        }

        if (RunningPid(pidFile, marker) is { } stubborn)
        {
            await commands.SignalAsync(stubborn, "KILL", cancellationToken);
        }
    }
}

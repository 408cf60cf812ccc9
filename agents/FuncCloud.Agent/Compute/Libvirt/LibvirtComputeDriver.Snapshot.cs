using System.Text;
using FuncCloud.Shared.Compute;

namespace FuncCloud.Agent.Compute.Libvirt;

public sealed partial class LibvirtComputeDriver
{
    private const int CopyBufferSize = 1024 * 1024;

    public async Task SnapshotAsync(string serverId, Stream destination, CancellationToken cancellationToken)
    {
        var (_, state) = await FindAsync(serverId, cancellationToken);
        var paths = PathsOf(serverId);
        var temp = Path.Combine(paths.Folder, $"snapshot-{Guid.NewGuid():N}.raw");
        try
        {
            await GuardAsync(serverId, "snapshot", async () =>
            {
                // A running guest is paused for the copy (consistent disk, as nova's cold snapshot) and resumed
                // before the upload, which is the slow part.
                var name = DomainName(serverId);
                if (state == PowerState.Running)
                {
                    await _virsh.SuspendAsync(name, cancellationToken);
                }

                try
                {
                    await _host.RunAsync(QemuImg, ["convert", "-U", "-O", "raw", paths.Disk, temp], cancellationToken);
                }
                finally
                {
                    if (state == PowerState.Running)
                    {
                        await _virsh.ResumeAsync(name, CancellationToken.None);
                    }
                }

                await using var source = new FileStream(temp, FileMode.Open, FileAccess.Read, FileShare.Read, CopyBufferSize, FileOptions.SequentialScan | FileOptions.Asynchronous);
                await source.CopyToAsync(destination, CopyBufferSize, cancellationToken);
            });
        }
        finally
        {
            File.Delete(temp);
        }
    }

    public async Task<string> GetConsoleOutputAsync(string serverId, CancellationToken cancellationToken)
    {
        await FindAsync(serverId, cancellationToken);
        var log = PathsOf(serverId).ConsoleLog;
        if (!File.Exists(log))
        {
            return string.Empty;
        }

        // The tail, at most ConsoleLogMaxBytes: what nova's get_console_output returns.
        await using var stream = new FileStream(log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var length = Math.Min(stream.Length, _options.ConsoleLogMaxBytes);
        stream.Seek(-length, SeekOrigin.End);
        var buffer = new byte[length];
        await stream.ReadExactlyAsync(buffer, cancellationToken);
        return Encoding.UTF8.GetString(buffer);
    }

    /// <summary>
    /// CPU time, memory, disk and NIC counters of a running instance (for telemetry): <c>virsh domstats</c>.
    /// </summary>
    /// <exception cref="InstanceNotFoundException">No such instance.</exception>
    public async Task<InstanceStats> GetInstanceStatsAsync(string serverId, CancellationToken cancellationToken)
    {
        await FindAsync(serverId, cancellationToken);
        try
        {
            return InstanceStats.From(serverId, await _virsh.StatsAsync(DomainName(serverId), cancellationToken));
        }
        catch (Privileged.HostCommandException e)
        {
            throw Wrap(serverId, "stats", e);
        }
    }
}

using FuncCloud.Agent.Privileged;
using FuncCloud.Agent.Storage;
using FuncCloud.Agent.Storage.File;
using Xunit;

namespace FuncCloud.Agent.Tests.Storage;

/// <summary>
/// The conformance suite on the File driver: real qcow2/raw files made by qemu-img in a temp folder, iSCSI
/// targets in the machine's tgtd (started by hand when it is not running) under the test IQN prefix.
/// </summary>
public sealed class FileVolumeDriverTests : VolumeDriverConformanceTests, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("funccloud-file-volumes-").FullName;
    private readonly FileVolumeDriver _driver;

    public FileVolumeDriverTests()
    {
        StorageHost.EnsureAsync().GetAwaiter().GetResult();
        _driver = new FileVolumeDriver(new FileVolumeOptions { Folder = _folder, IqnPrefix = "iqn.2026-12.cloud.funccloud.test:" }, new HostCommand());
    }

    protected override IVolumeDriver Driver => _driver;

    protected override async Task<bool> NothingLeftOfAsync(string id) =>
        !Directory.EnumerateFiles(_folder, "*", SearchOption.AllDirectories).Any(f => Path.GetFileName(f).StartsWith(id, StringComparison.Ordinal))
        && !(await _driver.TargetsAsync(CancellationToken.None)).Values.Any(iqn => iqn.EndsWith(id, StringComparison.Ordinal));

    protected override async Task<string> ImageFileAsync()
    {
        var path = Path.Combine(_folder, "image.raw");
        await new HostCommand().RunAsync("qemu-img", ["create", "-q", "-f", "raw", path, "64M"], CancellationToken.None);
        return path;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}

/// <summary>Installs qemu-utils and tgt when missing and starts tgtd on 127.0.0.1:3260 when it is not running.</summary>
public static class StorageHost
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static async Task EnsureAsync()
    {
        await Gate.WaitAsync();
        try
        {
            var host = new HostCommand();
            if (!File.Exists("/usr/bin/qemu-img") || !File.Exists("/usr/sbin/tgtd"))
            {
                await host.RunAsync("/bin/sh", ["-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends qemu-utils tgt"], CancellationToken.None);
            }

            if ((await host.TryRunAsync("tgtadm", ["--lld", "iscsi", "--mode", "target", "--op", "show"], CancellationToken.None)).ExitCode == 0)
            {
                return;
            }

            // tgtd daemonises itself; it is the machine's one iSCSI target (no systemd here).
            await host.RunAsync("tgtd", ["--iscsi", "portal=127.0.0.1:3260"], CancellationToken.None);
            for (var i = 0; i < 50; i++)
            {
                if ((await host.TryRunAsync("tgtadm", ["--lld", "iscsi", "--mode", "target", "--op", "show"], CancellationToken.None)).ExitCode == 0)
                {
                    return;
                }

                await Task.Delay(200);
            }

            throw new InvalidOperationException("tgtd did not start.");
        }
        finally
        {
            Gate.Release();
        }
    }
}

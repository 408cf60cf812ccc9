using FuncCloud.Agent.Compute.Libvirt;
using FuncCloud.Agent.Images;
using FuncCloud.Agent.Privileged;
using FuncCloud.Shared.Compute;
using FuncCloud.Shared.Image;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Shouldly;
using Xunit;

namespace FuncCloud.Agent.Tests.Compute.Libvirt;

/// <summary>The libvirt tests share one host set-up and run one at a time (TCG guests are CPU-heavy).</summary>
[CollectionDefinition(Name)]
public sealed class LibvirtCollection : ICollectionFixture<LibvirtFixture>
{
    public const string Name = "libvirt";
}

/// <summary>
/// A real libvirt host for the tests: starts virtlogd and libvirtd when they are not running (and stops what
/// it started), builds the funccloud-busybox image (cached) and seeds a private image cache with it under
/// a random <c>/tmp/fcv-*</c> folder, so the driver boots it through the real <see cref="ImageCache"/>.
/// <see cref="SkipReason"/> says why libvirt cannot run here, when it cannot.
/// </summary>
public sealed class LibvirtFixture : IAsyncLifetime
{
    // The daemons are the test process's, not one fixture's: the libvirt collection and the end-to-end node each hold
    // a fixture, and they run side by side. Whoever started virtlogd/libvirtd, they stop only when the last fixture
    // that uses them is gone; otherwise one class ending would pull libvirtd from under the other's guests.
    private static readonly SemaphoreSlim ServicesGate = new(1, 1);
    private static readonly List<string> StartedServices = [];
    private static int s_users;

    private readonly HostCommand _host = new();
    private bool _counted;

    /// <summary>Why these tests cannot run on this machine, or null when they can.</summary>
    public string? SkipReason { get; private set; }

    /// <summary>The private scratch folder (removed at the end).</summary>
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "fcv-" + Guid.NewGuid().ToString("N")[..8]);

    /// <summary>The funccloud-busybox AMI + AKI + ARI as the cache knows them.</summary>
    public ImageSpec Image { get; private set; } = new("unset");

    /// <summary>A second AMI id (the same disk), for rebuilds.</summary>
    public ImageSpec OtherImage { get; private set; } = new("unset");

    /// <summary>The node image cache the drivers use.</summary>
    public ImageCache Cache { get; private set; } = null!;

    /// <summary>The cache folder.</summary>
    public string CacheFolder => Path.Combine(Root, "images");

    public async Task InitializeAsync()
    {
        SkipReason = await PrepareHostAsync();
        if (SkipReason is not null)
        {
            return;
        }

        var build = await _host.TryRunAsync("bash", [FindScript()], CancellationToken.None);
        if (build.ExitCode != 0)
        {
            // The packages are installed by .ci/run: a failing build is a broken set-up, not a reason to skip.
            throw new InvalidOperationException($"build-busybox-image.sh failed: {build.StandardError}");
        }

        var output = build.StandardOutput.Trim().Split('\n')[^1];
        Directory.CreateDirectory(CacheFolder);
        // QEMU runs as libvirt's user: the folders it reaches must be traversable.
        if (OperatingSystem.IsLinux())
        {
            File.SetUnixFileMode(Root, (UnixFileMode)0b111_101_101);
            File.SetUnixFileMode(CacheFolder, (UnixFileMode)0b111_101_101);
        }
        string Seed(string file)
        {
            var id = Guid.NewGuid().ToString();
            File.Copy(Path.Combine(output, file), Path.Combine(CacheFolder, id));
            return id;
        }

        var kernel = Seed("vmlinuz");
        var ramdisk = Seed("initrd.img");
        Image = new ImageSpec(Seed("disk.qcow2"), null, kernel, ramdisk);
        OtherImage = new ImageSpec(Seed("disk.qcow2"), null, kernel, ramdisk);
        Cache = NewCache();
    }

    /// <summary>Adds a file to the cache under a new image id.</summary>
    public string AddImage(string path)
    {
        var id = Guid.NewGuid().ToString();
        File.Copy(path, Path.Combine(CacheFolder, id));
        return id;
    }

    /// <summary>A driver with its own domain prefix and instances folder (both random).</summary>
    public (LibvirtComputeDriver Driver, LibvirtDriverOptions Options) NewDriver(Action<LibvirtDriverOptions>? configure = null)
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var options = new LibvirtDriverOptions
        {
            DomainPrefix = $"fcv{suffix}-",
            InstancesPath = Path.Combine(Root, "instances-" + suffix),
            VirtType = VirtType.Auto,
            SoftRebootTimeout = TimeSpan.FromSeconds(20),
            ResizeShutdownTimeout = TimeSpan.FromSeconds(5),
        };
        configure?.Invoke(options);
        return (new LibvirtComputeDriver(options, Cache, _host, KvmProbe.IsUsable(), NullLogger<LibvirtComputeDriver>.Instance), options);
    }

    /// <summary>The defined domains whose names start with <paramref name="prefix"/>.</summary>
    public async Task<IReadOnlyList<string>> DomainsAsync(string prefix)
    {
        var list = await _host.RunAsync("virsh", ["-c", "qemu:///system", "list", "--all", "--name"], CancellationToken.None);
        return [.. list.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(n => n.StartsWith(prefix, StringComparison.Ordinal))];
    }

    /// <summary>Destroys every instance of <paramref name="driver"/> and asserts nothing of it is left.</summary>
    public async Task CleanUpAsync(LibvirtComputeDriver driver, LibvirtDriverOptions options)
    {
        foreach (var id in await driver.ListInstancesAsync(CancellationToken.None))
        {
            await driver.DestroyAsync(id, CancellationToken.None);
        }

        (await DomainsAsync(options.DomainPrefix)).ShouldBeEmpty();
        if (Directory.Exists(options.InstancesPath))
        {
            Directory.EnumerateFileSystemEntries(options.InstancesPath).ShouldBeEmpty();
            Directory.Delete(options.InstancesPath);
        }
    }

    public async Task DisposeAsync()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }

        if (!_counted)
        {
            return;
        }

        await ServicesGate.WaitAsync();
        try
        {
            _counted = false;
            if (--s_users == 0)
            {
                foreach (var service in Enumerable.Reverse(StartedServices))
                {
                    await _host.TryRunAsync(service, ["stop"], CancellationToken.None);
                }

                StartedServices.Clear();
            }
        }
        finally
        {
            ServicesGate.Release();
        }
    }

    private async Task<string?> PrepareHostAsync()
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root")
        {
            return "libvirt tests need Linux and root (CI runs them as root).";
        }

        if (!File.Exists("/usr/bin/virsh") || !File.Exists("/usr/bin/qemu-system-x86_64"))
        {
            return "virsh or qemu-system-x86_64 is not installed (.ci/run installs libvirt-clients, libvirt-daemon-system, qemu-system-x86).";
        }

        await ServicesGate.WaitAsync();
        try
        {
            s_users++;
            _counted = true;
            if (await ConnectsAsync())
            {
                return null;
            }

            // No systemd here: start the daemons by hand, as HOST-FACTS.md describes.
            foreach (var service in new[] { "/etc/init.d/virtlogd", "/etc/init.d/libvirtd" })
            {
                if (File.Exists(service) && (await _host.TryRunAsync(service, ["start"], CancellationToken.None)).ExitCode == 0 && !StartedServices.Contains(service))
                {
                    StartedServices.Add(service);
                }
            }
        }
        finally
        {
            ServicesGate.Release();
        }

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (await ConnectsAsync())
            {
                return null;
            }

            await Task.Delay(500);
        }

        throw new InvalidOperationException("libvirtd was started but virsh could not connect to qemu:///system within 90 s.");
    }

    private async Task<bool> ConnectsAsync() =>
        (await _host.TryRunAsync("virsh", ["-c", "qemu:///system", "version"], CancellationToken.None)).ExitCode == 0;

    private static string FindScript()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var script = Path.Combine(dir.FullName, "tests", "images", "build-busybox-image.sh");
            if (File.Exists(script))
            {
                return script;
            }
        }

        throw new FileNotFoundException("tests/images/build-busybox-image.sh not found above " + AppContext.BaseDirectory);
    }

    private ImageCache NewCache() => new(
        new UnreachableImageApi(),
        Options.Create(new ImageCacheOptions { Directory = CacheFolder }),
        NullLogger<ImageCache>.Instance);

    /// <summary>Every image the tests boot is already in the cache: the API is never asked.</summary>
    private sealed class UnreachableImageApi : IImageApi
    {
        public Task<ImageView> GetImageAsync(string imageId, CancellationToken cancellationToken) =>
            throw new InvalidOperationException($"image {imageId} is not in the test cache");

        public Task<HttpResponseMessage> DownloadAsync(string imageId, CancellationToken cancellationToken) =>
            throw new InvalidOperationException($"image {imageId} is not in the test cache");

        public Task UploadAsync(string imageId, HttpContent data, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("the driver tests upload nothing");
    }
}

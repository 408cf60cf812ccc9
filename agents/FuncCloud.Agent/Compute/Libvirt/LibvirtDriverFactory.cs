using System.Collections.Concurrent;
using FuncCloud.Agent.Images;
using FuncCloud.Agent.Privileged;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FuncCloud.Agent.Compute.Libvirt;

/// <summary>
/// The Libvirt driver of each node name the process hosts. A real node hosts one; every driver shares the
/// libvirt connection, the instances folder and the image cache, KVM being probed once.
/// </summary>
public sealed class LibvirtDriverFactory(IOptions<LibvirtDriverOptions> options, ImageCache images, ILoggerFactory loggers) : IComputeDriverFactory
{
    private readonly ConcurrentDictionary<string, LibvirtComputeDriver> _drivers = new(StringComparer.Ordinal);
    private readonly Lazy<bool> _kvmUsable = new(() => KvmProbe.IsUsable());

    public IComputeDriver GetDriver(string nodeName) => _drivers.GetOrAdd(nodeName, _ => new LibvirtComputeDriver(
        options.Value, images, new HostCommand(), _kvmUsable.Value, loggers.CreateLogger<LibvirtComputeDriver>()));
}

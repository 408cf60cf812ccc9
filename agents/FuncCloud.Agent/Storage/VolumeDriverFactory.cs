using System.Collections.Concurrent;
using FuncCloud.Agent.Hosting;
using FuncCloud.Agent.Privileged;
using FuncCloud.Agent.Storage.Fake;
using FuncCloud.Agent.Storage.File;
using Microsoft.Extensions.Options;

namespace FuncCloud.Agent.Storage;

/// <summary>
/// Gives each node with the <c>storage</c> role its volume driver (<see cref="AgentOptions.StorageDriver"/>:
/// Fake or File). A singleton: one node always gets the same driver, so its volumes outlive a pump restart.
/// </summary>
public interface IVolumeDriverFactory
{
    /// <summary>The volume driver of <paramref name="nodeName"/>, created on first use.</summary>
    IVolumeDriver GetDriver(string nodeName);
}

/// <inheritdoc />
public sealed class VolumeDriverFactory(IOptions<AgentOptions> agent, IOptions<StorageNodeOptions> storage, HostCommand host) : IVolumeDriverFactory
{
    private readonly ConcurrentDictionary<string, IVolumeDriver> _drivers = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public IVolumeDriver GetDriver(string nodeName) => _drivers.GetOrAdd(nodeName, Create);

    private IVolumeDriver Create(string nodeName)
    {
        var settings = storage.Value;
        if (!string.Equals(agent.Value.StorageDriver, "File", StringComparison.OrdinalIgnoreCase))
        {
            return new FakeVolumeDriver(settings.CapacityGb);
        }

        var file = settings.File;
        var folder = Path.IsPathRooted(file.Folder) ? file.Folder : Path.Combine(agent.Value.StateFolder, nodeName, file.Folder);
        return new FileVolumeDriver(new FileVolumeOptions
        {
            Folder = folder,
            CapacityGb = settings.CapacityGb,
            IqnPrefix = file.IqnPrefix,
            Portal = file.Portal,
            QemuImg = file.QemuImg,
            TgtAdm = file.TgtAdm,
        }, host);
    }
}

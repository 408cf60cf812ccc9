using System.Collections.Concurrent;
using FuncCloud.Agent.Hosting;
using Microsoft.Extensions.Options;

namespace FuncCloud.Agent.Compute.Fake;

/// <summary>
/// One <see cref="FakeComputeDriver"/> per node name, all with the bound <see cref="FakeDriverOptions"/>, each
/// keeping its instances under the node's folder of <see cref="AgentOptions.StateFolder"/>.
/// </summary>
public sealed class FakeDriverFactory(IOptions<FakeDriverOptions> options, IOptions<AgentOptions> agent) : IComputeDriverFactory
{
    /// <summary>The file a node's Fake instances are kept in.</summary>
    public const string StateFileName = "fake-instances.json";

    private readonly ConcurrentDictionary<string, FakeComputeDriver> _drivers = new(StringComparer.Ordinal);

    public IComputeDriver GetDriver(string nodeName) => Get(nodeName);

    /// <summary>The typed driver of a node (tests drive failure injection and power changes through it).</summary>
    public FakeComputeDriver Get(string nodeName) => _drivers.GetOrAdd(nodeName, name => new FakeComputeDriver(
        options.Value,
        options.Value.PersistInstances ? Path.Combine(agent.Value.StateFolder, name, StateFileName) : null));
}

using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace FuncCloud.Agent.Compute.Fake;

/// <summary>One <see cref="FakeComputeDriver"/> per node name, all with the bound <see cref="FakeDriverOptions"/>.</summary>
public sealed class FakeDriverFactory(IOptions<FakeDriverOptions> options) : IComputeDriverFactory
{
    private readonly ConcurrentDictionary<string, FakeComputeDriver> _drivers = new(StringComparer.Ordinal);

    public IComputeDriver GetDriver(string nodeName) => Get(nodeName);

    /// <summary>The typed driver of a node (tests drive failure injection and power changes through it).</summary>
    public FakeComputeDriver Get(string nodeName) => _drivers.GetOrAdd(nodeName, _ => new FakeComputeDriver(options.Value));
}

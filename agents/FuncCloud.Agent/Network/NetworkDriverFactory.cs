using System.Collections.Concurrent;
using FuncCloud.Agent.Hosting;
using FuncCloud.Agent.Network.Fake;
using FuncCloud.Agent.Network.LinuxBridge;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FuncCloud.Agent.Network;

/// <summary>
/// Makes the network driver named by <c>FuncCloud:Agent:NetworkDriver</c>, one per node. A small switch on
/// purpose: each real driver adds one line here (and its name to <see cref="Known"/>).
/// </summary>
public sealed class NetworkDriverFactory(IOptions<AgentOptions> options, IServiceProvider services) : INetworkDriverFactory
{
    /// <summary>The Fake driver's state file in the node's folder.</summary>
    public const string FakeStateFileName = "fake-network.json";

    /// <summary>The driver names this agent build knows (case-insensitive).</summary>
    public static readonly IReadOnlySet<string> Known = new HashSet<string>(["Fake", LinuxBridgeNetworkDriver.DriverKey], StringComparer.OrdinalIgnoreCase);

    private readonly ConcurrentDictionary<string, INetworkDriver> _drivers = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public INetworkDriver GetDriver(string nodeName) => _drivers.GetOrAdd(nodeName, Create);

    private INetworkDriver Create(string nodeName)
    {
        var settings = options.Value;
        return settings.NetworkDriver.ToUpperInvariant() switch
        {
            "FAKE" => new FakeNetworkDriver(Path.Combine(settings.StateFolder, nodeName, FakeStateFileName)),

            // The host's one real driver: a process running LinuxBridge hosts one node (its devices are the host's).
            "LINUXBRIDGE" => services.GetRequiredKeyedService<INetworkDriver>(LinuxBridgeNetworkDriver.DriverKey),
            _ => throw new InvalidOperationException($"Network driver '{settings.NetworkDriver}' is unknown; supported: {string.Join(", ", Known)}."),
        };
    }
}

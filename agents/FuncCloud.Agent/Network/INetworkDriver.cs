using FuncCloud.Shared.Network.Wiring;

namespace FuncCloud.Agent.Network;

/// <summary>How this node joins the cloud's networks, from the agent's configuration.</summary>
/// <param name="NodeName">The node.</param>
/// <param name="LocalIp">This node's underlay address for VXLAN (the management network), or null when the node has no peers.</param>
/// <param name="PhysicalBridges">Physical network name → host bridge (e.g. <c>public</c> → <c>br-ex</c>), neutron's bridge_mappings.</param>
/// <param name="StateFolder">Where the driver keeps its files (dnsmasq host files, leases, pid files).</param>
public sealed record NetworkHostConfig(
    string NodeName,
    string? LocalIp,
    IReadOnlyDictionary<string, string> PhysicalBridges,
    string StateFolder);

/// <summary>A DHCP lease the server handed out.</summary>
public sealed record DhcpLease(string MacAddress, string IpAddress, string? Hostname, DateTimeOffset Expires);

/// <summary>What the driver finds on the host that it made (for reconcile reports and tests).</summary>
/// <param name="Bridges">The network bridges.</param>
/// <param name="Namespaces">The qdhcp-/qrouter- namespaces.</param>
/// <param name="DhcpServers">The networks with a running DHCP server.</param>
/// <param name="FilteredPorts">The ports with security group rules installed.</param>
public sealed record NetworkHostObserved(
    IReadOnlyList<string> Bridges,
    IReadOnlyList<string> Namespaces,
    IReadOnlyList<string> DhcpServers,
    IReadOnlyList<string> FilteredPorts);

/// <summary>The driver failed; the message says what failed and on which resource.</summary>
public class NetworkDriverException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// The networking of one node, a desired-state driver (the part of neutron's L2, DHCP and L3 agents that
/// touches the host): the agent hands it the whole <see cref="NetworkHostState"/> the controller computed for
/// the node, and the driver converges the host to it.
/// </summary>
/// <remarks>
/// Contract every implementation keeps (one conformance test class checks every driver):
/// <list type="bullet">
/// <item><see cref="ApplyAsync"/> is idempotent and total: applying the same state twice changes nothing the
/// second time; applying a state removes every device, namespace, process and rule the driver made that the
/// state no longer names (also ones left by an earlier process: a killed agent heals on its next apply).</item>
/// <item>It never touches what it did not make: only names from <see cref="NetworkDeviceNames"/> and the
/// driver's own netfilter chains and state folder.</item>
/// <item>Instance taps are created by the compute driver (named <see cref="NetworkDeviceNames.Tap"/>); the
/// network driver makes the bridge they join before the compute side is told to plug, and filters the tap
/// by name whenever it exists (so a tap that appears later is filtered without another apply).</item>
/// <item>One failing resource does not stop the others: the driver applies what it can and then throws a
/// <see cref="NetworkDriverException"/> naming every resource that failed; the next apply retries them.</item>
/// <item>Calls are serialised by the agent (one apply at a time per node); implementations need not be re-entrant.</item>
/// </list>
/// </remarks>
public interface INetworkDriver
{
    /// <summary>The driver's name (<c>fake</c>, <c>linuxbridge</c>).</summary>
    string Name { get; }

    /// <summary>Prepares the host once before the first apply (kernel modules, sysctls, the driver's base chains).</summary>
    Task InitHostAsync(NetworkHostConfig config, CancellationToken cancellationToken);

    /// <summary>Converges the host to <paramref name="desired"/>.</summary>
    /// <exception cref="NetworkDriverException">Some resources could not be applied; the rest were.</exception>
    Task ApplyAsync(NetworkHostState desired, CancellationToken cancellationToken);

    /// <summary>What the driver's devices, namespaces, servers and filters are on the host now.</summary>
    Task<NetworkHostObserved> ObserveAsync(CancellationToken cancellationToken);

    /// <summary>The leases the DHCP server of <paramref name="networkId"/> on this node handed out (empty when none).</summary>
    Task<IReadOnlyList<DhcpLease>> GetLeasesAsync(string networkId, CancellationToken cancellationToken);
}

using FuncCloud.Shared.Compute;

namespace FuncCloud.Durable.Compute.Networking;

/// <summary>
/// The network side of a server's life, as nova's network API is to nova's compute manager. Implemented by
/// the networking service on the very code paths of its own port API (IPAM, quotas, policy, wiring
/// notifications), so a server's port is a Neutron port like any other.
/// </summary>
public interface IServerPorts
{
    /// <summary>
    /// Creates the ports the server's boot request asked for and binds them (and any port the user passed in)
    /// to <paramref name="input"/>'s node. Idempotent: a retried call finds the ports it made the first time.
    /// </summary>
    /// <returns>The VIFs to plug, or the reason the network could not be allocated.</returns>
    Task<AllocatePortsOutcome> AllocateAsync(AllocatePortsInput input, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes the ports that were made for the server and unbinds the ports the user passed in (they are the
    /// user's and survive the server). Deleting a port disassociates its floating IPs. Idempotent.
    /// </summary>
    Task ReleaseAsync(string serverId, CancellationToken cancellationToken);

    /// <summary>
    /// Of <paramref name="portIds"/>, the ports that exist and are not ACTIVE yet (their node's network agent has not
    /// reported them wired). A workflow re-checks with this while it waits for <c>network-vif-plugged</c>.
    /// </summary>
    Task<IReadOnlyList<string>> PendingAsync(IReadOnlyList<string> portIds, CancellationToken cancellationToken);

    /// <summary>
    /// Releases one port of the server (os-interface detach, or an attach that failed): deleted when it was made for
    /// the server, unbound (and forgotten by the server) when it is the user's. A port already gone succeeds.
    /// </summary>
    Task ReleasePortAsync(string serverId, string portId, CancellationToken cancellationToken);
}

/// <summary>Input of <c>AllocateServerPorts</c>: the server and the node it was scheduled on.</summary>
public sealed record AllocatePortsInput(string ServerId, string Node, string? AvailabilityZone);

/// <summary>Output of <c>AllocateServerPorts</c>: the VIFs, or the network service's reason for refusing.</summary>
/// <param name="Ports">The VIFs to plug.</param>
/// <param name="Error">Why the network could not be allocated, or null.</param>
/// <param name="VifPluggedTimeoutSeconds">How long the boot waits for the ports to be wired (0: it does not wait, nova's vif_plugging_is_fatal=false).</param>
public sealed record AllocatePortsOutcome(IReadOnlyList<NetworkPortSpec> Ports, string? Error, int VifPluggedTimeoutSeconds = 0);

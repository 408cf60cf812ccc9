namespace FuncCloud.Shared.Compute;

/// <summary>A Neutron port to plug into an instance (nova's VIF).</summary>
/// <param name="PortId">The Neutron port id.</param>
/// <param name="NetworkId">The Neutron network id.</param>
/// <param name="MacAddress">The port's MAC address.</param>
/// <param name="FixedIps">The port's fixed IP addresses.</param>
/// <param name="BridgeName">The host bridge the tap device joins (set by the network role), if any.</param>
/// <param name="Mtu">The network's MTU, if known.</param>
public sealed record NetworkPortSpec(
    string PortId,
    string NetworkId,
    string MacAddress,
    IReadOnlyList<string> FixedIps,
    string? BridgeName = null,
    int? Mtu = null);

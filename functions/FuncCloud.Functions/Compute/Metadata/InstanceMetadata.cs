using FuncCloud.Shared.Compute.Keypairs;
using FuncCloud.Shared.Compute.Servers;

namespace FuncCloud.Functions.Compute.Metadata;

/// <summary>Everything the metadata documents of one instance are made from (nova's InstanceMetadata).</summary>
/// <param name="Server">The server.</param>
/// <param name="Keypair">Its key pair, if it was booted with one that still exists.</param>
/// <param name="Ports">Its Neutron ports (device_id = the server), in creation order.</param>
public sealed record InstanceMetadata(ServerRecord Server, Keypair? Keypair, IReadOnlyList<MetadataPort> Ports);

/// <summary>One port of the instance as the network documents need it.</summary>
public sealed record MetadataPort(string PortId, string NetworkId, string MacAddress, int Mtu, IReadOnlyList<MetadataAddress> Addresses, IReadOnlyList<string> FloatingIps);

/// <summary>One fixed address of a port with its subnet's settings.</summary>
public sealed record MetadataAddress(
    string Address,
    string Cidr,
    int IpVersion,
    string? GatewayIp,
    bool EnableDhcp,
    string? Ipv6AddressMode,
    IReadOnlyList<string> DnsNameservers,
    IReadOnlyList<MetadataRoute> HostRoutes);

/// <summary>A subnet host route.</summary>
public sealed record MetadataRoute(string Destination, string NextHop);

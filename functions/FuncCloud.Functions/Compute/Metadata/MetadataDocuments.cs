using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace FuncCloud.Functions.Compute.Metadata;

/// <summary>
/// The documents of nova's metadata API for one instance, pure functions of <see cref="InstanceMetadata"/>:
/// the OpenStack <c>meta_data.json</c> and <c>network_data.json</c>, and the EC2-style tree. The config drive
/// holds the same documents (the agent fetches them from here).
/// </summary>
public static class MetadataDocuments
{
    /// <summary>nova's default <c>dhcp_domain</c>: the guest's hostname is <c>&lt;name&gt;.novalocal</c>.</summary>
    public const string DhcpDomain = "novalocal";

    /// <summary>The hostname nova derives from a display name: lowercase letters, digits and dashes.</summary>
    public static string Hostname(string displayName)
    {
        var builder = new StringBuilder();
        foreach (var c in displayName.ToLowerInvariant())
        {
            builder.Append(c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-' ? c : c is '.' or '_' or ' ' ? '-' : '\0');
        }

        var name = builder.ToString().Replace("\0", string.Empty, StringComparison.Ordinal).Trim('-', '.');
        return name.Length == 0 ? "server" : name.Length > 63 ? name[..63].TrimEnd('-') : name;
    }

    /// <summary><c>openstack/&lt;version&gt;/meta_data.json</c>.</summary>
    public static JsonObject MetaData(InstanceMetadata m, byte[] randomSeed)
    {
        var server = m.Server;
        var meta = new JsonObject();
        foreach (var (key, value) in server.Metadata)
        {
            meta[key] = value;
        }

        var json = new JsonObject
        {
            ["uuid"] = server.Id,
            ["meta"] = meta,
        };
        if (m.Keypair is { } keypair)
        {
            json["public_keys"] = new JsonObject { [keypair.Name] = keypair.PublicKey };
            json["keys"] = new JsonArray(new JsonObject { ["name"] = keypair.Name, ["type"] = keypair.Type, ["data"] = keypair.PublicKey });
        }

        json["hostname"] = $"{Hostname(server.Name)}.{DhcpDomain}";
        json["name"] = server.Name;
        json["launch_index"] = server.LaunchIndex;
        json["availability_zone"] = server.AvailabilityZone;
        json["random_seed"] = Convert.ToBase64String(randomSeed);
        json["project_id"] = server.ProjectId;
        json["devices"] = new JsonArray();
        json["dedicated_cpus"] = new JsonArray();
        return json;
    }

    /// <summary>
    /// <c>openstack/&lt;version&gt;/network_data.json</c>: a link per port (the tap on a Linux bridge), a network per
    /// fixed address (<c>ipv4_dhcp</c> where the subnet has DHCP, else static with netmask, routes and DNS), and the
    /// DNS servers as services.
    /// </summary>
    public static JsonObject NetworkData(InstanceMetadata m)
    {
        var links = new JsonArray();
        var networks = new JsonArray();
        var dns = new List<string>();
        var index = 0;
        foreach (var port in m.Ports)
        {
            var link = "tap" + port.PortId[..Math.Min(11, port.PortId.Length)];
            links.Add(new JsonObject
            {
                ["id"] = link,
                ["vif_id"] = port.PortId,
                ["type"] = "bridge",
                ["mtu"] = port.Mtu,
                ["ethernet_mac_address"] = port.MacAddress,
            });
            foreach (var address in port.Addresses)
            {
                var network = new JsonObject
                {
                    ["id"] = $"network{index++}",
                    ["type"] = NetworkType(address),
                    ["link"] = link,
                };
                if (!address.EnableDhcp || address.IpVersion == 6)
                {
                    var (_, prefix) = SplitCidr(address.Cidr);
                    network["ip_address"] = address.Address;
                    network["netmask"] = address.IpVersion == 4 ? Netmask(prefix) : PrefixMask6(prefix);
                    network["routes"] = Routes(address);
                    network["services"] = new JsonArray([.. address.DnsNameservers.Select(d => (JsonNode)Service(d))]);
                }

                network["network_id"] = port.NetworkId;
                networks.Add(network);
                dns.AddRange(address.DnsNameservers.Where(d => !dns.Contains(d)));
            }
        }

        return new JsonObject
        {
            ["links"] = links,
            ["networks"] = networks,
            ["services"] = new JsonArray([.. dns.Select(d => (JsonNode)Service(d))]),
        };
    }

    /// <summary>The EC2-style <c>meta-data</c> tree: a leaf is text, a branch a dictionary.</summary>
    public static SortedDictionary<string, object> Ec2MetaData(InstanceMetadata m)
    {
        var server = m.Server;
        var fixedV4 = m.Ports.SelectMany(p => p.Addresses).FirstOrDefault(a => a.IpVersion == 4)?.Address ?? string.Empty;
        var floating = m.Ports.SelectMany(p => p.FloatingIps).FirstOrDefault() ?? string.Empty;
        var hostname = $"{Hostname(server.Name)}.{DhcpDomain}";
        var tree = new SortedDictionary<string, object>(StringComparer.Ordinal)
        {
            ["ami-id"] = Ec2Id("ami", server.ImageId),
            ["ami-launch-index"] = server.LaunchIndex.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ami-manifest-path"] = "FIXME", // nova answers this literal: EC2 had an S3 manifest here
            ["block-device-mapping"] = new SortedDictionary<string, object>(StringComparer.Ordinal) { ["ami"] = "vda", ["root"] = "/dev/vda" },
            ["hostname"] = hostname,
            ["instance-action"] = "none",
            ["instance-id"] = Ec2Id("i", server.Id),
            ["instance-type"] = server.Flavor.Name,
            ["local-hostname"] = hostname,
            ["local-ipv4"] = fixedV4,
            ["placement"] = new SortedDictionary<string, object>(StringComparer.Ordinal) { ["availability-zone"] = server.AvailabilityZone ?? string.Empty },
            ["public-hostname"] = hostname,
            ["public-ipv4"] = floating,
            ["reservation-id"] = server.ReservationId,
            ["security-groups"] = "default",
        };
        if (m.Keypair is { } keypair)
        {
            tree["public-keys"] = new SortedDictionary<string, object>(StringComparer.Ordinal)
            {
                ["0"] = new SortedDictionary<string, object>(StringComparer.Ordinal) { ["openssh-key"] = keypair.PublicKey },
            };
        }

        return tree;
    }

    /// <summary>nova's EC2 ids are <c>prefix-%08x</c> of an integer id; FuncCloud's ids are UUIDs, so the first 32 bits.</summary>
    public static string Ec2Id(string prefix, string uuid)
    {
        var hex = uuid.Replace("-", string.Empty, StringComparison.Ordinal);
        return $"{prefix}-{(hex.Length >= 8 ? hex[..8] : hex.PadLeft(8, '0')).ToLowerInvariant()}";
    }

    private static string NetworkType(MetadataAddress address) => address.IpVersion switch
    {
        4 => address.EnableDhcp ? "ipv4_dhcp" : "ipv4",
        _ => address.Ipv6AddressMode switch
        {
            "slaac" => "ipv6_slaac",
            "dhcpv6-stateful" => "ipv6_dhcpv6-stateful",
            "dhcpv6-stateless" => "ipv6_dhcpv6-stateless",
            _ => "ipv6",
        },
    };

    private static JsonArray Routes(MetadataAddress address)
    {
        var routes = new JsonArray();
        if (address.GatewayIp is { } gateway)
        {
            routes.Add(Route(address.IpVersion == 4 ? "0.0.0.0/0" : "::/0", gateway));
        }

        foreach (var route in address.HostRoutes)
        {
            routes.Add(Route(route.Destination, route.NextHop));
        }

        return routes;
    }

    private static JsonObject Route(string destination, string gateway)
    {
        var (network, prefix) = SplitCidr(destination);
        var v4 = !network.Contains(':', StringComparison.Ordinal);
        return new JsonObject { ["network"] = network, ["netmask"] = v4 ? Netmask(prefix) : PrefixMask6(prefix), ["gateway"] = gateway };
    }

    private static JsonObject Service(string address) => new() { ["type"] = "dns", ["address"] = address };

    private static (string Network, int Prefix) SplitCidr(string cidr)
    {
        var slash = cidr.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? (cidr, cidr.Contains(':', StringComparison.Ordinal) ? 128 : 32) : (cidr[..slash], int.Parse(cidr[(slash + 1)..], System.Globalization.CultureInfo.InvariantCulture));
    }

    private static string Netmask(int prefix)
    {
        var mask = prefix == 0 ? 0u : uint.MaxValue << (32 - prefix);
        return new IPAddress([(byte)(mask >> 24), (byte)(mask >> 16), (byte)(mask >> 8), (byte)mask]).ToString();
    }

    private static string PrefixMask6(int prefix)
    {
        var bytes = new byte[16];
        for (var i = 0; i < 16; i++)
        {
            var bits = Math.Clamp(prefix - (i * 8), 0, 8);
            bytes[i] = (byte)(0xFF << (8 - bits));
        }

        return new IPAddress(bytes).ToString();
    }
}

using System.Text.Json.Nodes;
using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.Compute.Servers;
using FuncCloud.Shared.OpenStack;
using FuncCloud.Shared.OpenStack.Errors;
using FuncCloud.Shared.OpenStack.Validation;

namespace FuncCloud.Functions.Compute.Servers.Api;

/// <summary>A validated <c>POST /servers</c> body (nova's create schema, in nova's 400 words).</summary>
public sealed record ServerCreateRequest(
    string Name,
    string? Description,
    string ImageRef,
    string FlavorRef,
    int MinCount,
    int MaxCount,
    bool ReturnReservationId,
    string? KeyName,
    string? UserData,
    IReadOnlyDictionary<string, string> Metadata,
    ServerNetworkRequest Networks,
    IReadOnlyList<BlockDeviceMapping> BlockDevices,
    string? AvailabilityZone,
    ServerSchedulerHints Hints,
    IReadOnlyList<string> Tags,
    bool ConfigDrive,
    string AccessIpv4,
    string AccessIpv6,
    string? AdminPass)
{
    private static readonly string[] Allowed =
    [
        "name", "description", "imageRef", "flavorRef", "min_count", "max_count", "return_reservation_id", "key_name",
        "user_data", "metadata", "networks", "block_device_mapping_v2", "block_device_mapping", "availability_zone",
        "security_groups", "config_drive", "accessIPv4", "accessIPv6", "OS-DCF:diskConfig", "tags", "adminPass",
        "personality", "hostname", "host", "hypervisor_hostname", "trusted_image_certificates",
    ];

    /// <summary>Parses <c>{"server": {...}, "os:scheduler_hints": {...}}</c>.</summary>
    /// <exception cref="BadRequestException">The body breaks nova's schema.</exception>
    public static ServerCreateRequest Parse(JsonObject body, ComputeApiVersion version)
    {
        var server = body.RequireMember("server");
        foreach (var (key, _) in server)
        {
            if (!Allowed.Contains(key))
            {
                throw new BadRequestException($"Invalid input for field/attribute server. Value: {server.ToJsonString()}. Additional properties are not allowed ('{key}' was unexpected)");
            }
        }

        var name = server.RequireName("name", 255).Trim();
        if (name.Length == 0)
        {
            throw new BadRequestException("Invalid input for field/attribute name. Value: . ' ' does not match a valid server name");
        }

        var minCount = server.OptionalInt("min_count", 1) ?? 1;
        var maxCount = server.OptionalInt("max_count", 1) ?? minCount;
        if (maxCount < minCount)
        {
            throw new BadRequestException("min_count must be <= max_count");
        }

        var userData = server.OptionalString("user_data", 65535);
        if (userData is not null && !IsBase64(userData))
        {
            throw new BadRequestException("Invalid input for field/attribute user_data. Value: user data. 'user data' is not a 'base64'");
        }

        var blockDevices = ParseBlockDevices(server);
        var imageRef = server.OptionalString("imageRef") ?? string.Empty;
        if (imageRef.Length == 0 && !blockDevices.Any(b => b.BootIndex == 0))
        {
            throw new BadRequestException("Block Device Mapping is Invalid: Boot sequence for the instance and image/block device mapping combination is not valid.");
        }

        return new ServerCreateRequest(
            name,
            version.IsAtLeast(2, 19) ? server.OptionalString("description", 255) : null,
            imageRef,
            server.RequireString("flavorRef"),
            minCount,
            maxCount,
            server.OptionalBool("return_reservation_id") ?? false,
            server.OptionalString("key_name", 255),
            userData,
            ParseMetadata(server.OptionalObject("metadata")),
            ParseNetworks(server, version),
            blockDevices,
            server.OptionalString("availability_zone", 255),
            ParseHints(body.OptionalObject("os:scheduler_hints") ?? body.OptionalObject("OS-SCH-HNT:scheduler_hints")),
            version.IsAtLeast(2, 52) ? server.OptionalStringList("tags") ?? [] : [],
            server["config_drive"] is JsonValue cd && (cd.TryGetValue(out bool b) ? b : cd.ToString() is "True" or "true"),
            AccessIps.V4(server) ?? string.Empty,
            AccessIps.V6(server) ?? string.Empty,
            server.OptionalString("adminPass", 255))
        {
            SecurityGroups = ParseSecurityGroups(server),
        };
    }

    /// <summary>The security groups (names or ids) the server's new ports get; neutron's <c>default</c> when none are named.</summary>
    public IReadOnlyList<string> SecurityGroups { get; init; } = [];

    // nova's schema: a list of {"name": "..."} objects; duplicates collapse.
    private static IReadOnlyList<string> ParseSecurityGroups(JsonObject server)
    {
        if (server["security_groups"] is not JsonArray groups)
        {
            return server["security_groups"] is null
                ? []
                : throw new BadRequestException("Invalid input for field/attribute security_groups. Value: " + server["security_groups"]!.ToJsonString() + ". It is not of type 'array'");
        }

        var names = new List<string>();
        foreach (var group in groups)
        {
            if (group is not JsonObject g || g["name"] is not JsonValue v || !v.TryGetValue(out string? name) || name.Trim().Length == 0)
            {
                throw new BadRequestException("Invalid input for field/attribute security_groups. Each entry must be an object with a non-empty 'name'.");
            }

            if (!names.Contains(name))
            {
                names.Add(name);
            }
        }

        return names;
    }

    /// <summary>Nova's metadata rules: string keys 1-255, string values up to 255.</summary>
    public static IReadOnlyDictionary<string, string> ParseMetadata(JsonObject? metadata)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in metadata ?? [])
        {
            if (key.Length is 0 or > 255)
            {
                throw new BadRequestException("Invalid input for field/attribute metadata. Metadata property key must be 1-255 characters.");
            }

            if (value is not JsonValue v || !v.TryGetValue(out string? text) || text.Length > 255)
            {
                throw new BadRequestException($"Invalid input for field/attribute {key}. Value: {value?.ToJsonString() ?? "None"}. Metadata values must be strings of at most 255 characters.");
            }

            TextRules.MetadataItem(key, text);
            result[key] = text;
        }

        return result;
    }

    private static ServerNetworkRequest ParseNetworks(JsonObject server, ComputeApiVersion version)
    {
        switch (server["networks"])
        {
            case null when version.IsAtLeast(2, 37):
                throw new BadRequestException("Invalid input for field/attribute server. 'networks' is a required property");
            case null:
                return new ServerNetworkRequest(ServerNetworkRequest.AutoMode, []);
            case JsonValue v when v.TryGetValue(out string? mode) && mode is ServerNetworkRequest.NoneMode or ServerNetworkRequest.AutoMode:
                return version.IsAtLeast(2, 37)
                    ? new ServerNetworkRequest(mode, [])
                    : throw new BadRequestException($"Invalid input for field/attribute networks. Value: {mode}. '{mode}' is not of type 'array'");
            case JsonArray list:
                return new ServerNetworkRequest(ServerNetworkRequest.ExplicitMode, [.. list.Select(ParseNetwork)]);
            default:
                throw new BadRequestException($"Invalid input for field/attribute networks. Value: {server["networks"]!.ToJsonString()}. It must be 'none', 'auto' or a list.");
        }
    }

    private static RequestedNetwork ParseNetwork(JsonNode? node)
    {
        if (node is not JsonObject n)
        {
            throw new BadRequestException("Invalid input for field/attribute networks. Each network must be an object.");
        }

        var network = new RequestedNetwork(n.OptionalString("uuid"), n.OptionalString("port"), n.OptionalString("fixed_ip"), n.OptionalString("tag"));
        if (network.Uuid is null && network.Port is null)
        {
            throw new BadRequestException("Bad networks format: network uuid is not in proper format ()");
        }

        // nova checks the form of a network uuid before it asks neutron about it.
        return network.Uuid is null || Guid.TryParse(network.Uuid, out _) || network.Port is not null
            ? network
            : throw new BadRequestException($"Bad networks format: network uuid is not in proper format ({network.Uuid})");
    }

    private static IReadOnlyList<BlockDeviceMapping> ParseBlockDevices(JsonObject server)
    {
        var list = server.OptionalArray("block_device_mapping_v2");
        if (list is null)
        {
            return [];
        }

        string[] sources = ["image", "volume", "snapshot", "blank"];
        string[] destinations = ["local", "volume"];
        return [.. list.Select(node =>
        {
            var bdm = node as JsonObject ?? throw new BadRequestException("Block Device Mapping is Invalid: each mapping must be an object.");
            var source = bdm.OptionalString("source_type") ?? "blank";
            var destination = bdm.OptionalString("destination_type") ?? "local";
            if (!sources.Contains(source) || !destinations.Contains(destination))
            {
                throw new BadRequestException($"Block Device Mapping is Invalid: source_type {source} / destination_type {destination} is not valid.");
            }

            var uuid = bdm.OptionalString("uuid");
            if (source != "blank" && string.IsNullOrEmpty(uuid))
            {
                throw new BadRequestException($"Block Device Mapping is Invalid: a {source} source needs a uuid.");
            }

            var bootIndex = bdm["boot_index"] switch
            {
                null => -1,
                JsonValue v when v.TryGetValue(out int i) => i,
                JsonValue v when int.TryParse(v.ToString(), out var i) => i,
                var other => throw new BadRequestException($"Invalid input for field/attribute boot_index. Value: {other.ToJsonString()}."),
            };
            return new BlockDeviceMapping(source, destination, uuid, bootIndex, bdm.OptionalInt("volume_size", 0), bdm.OptionalBool("delete_on_termination") ?? false, bdm.OptionalString("device_name"));
        })];
    }

    private static ServerSchedulerHints ParseHints(JsonObject? hints)
    {
        if (hints is null)
        {
            return ServerSchedulerHints.None;
        }

        return new ServerSchedulerHints(StringOrList(hints, "same_host"), StringOrList(hints, "different_host"), hints.OptionalString("group"), null);
    }

    private static IReadOnlyList<string> StringOrList(JsonObject hints, string name) => hints[name] switch
    {
        null => [],
        JsonValue v when v.TryGetValue(out string? one) => [one],
        JsonArray => hints.OptionalStringList(name) ?? [],
        var other => throw JsonRequest.Invalid(name, other, "string or list of strings"),
    };

    private static bool IsBase64(string text)
    {
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out _);
    }
}

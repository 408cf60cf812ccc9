using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using FuncCloud.Functions.Network.Api;
using FuncCloud.Shared.Network;
using FuncCloud.Shared.Security;

namespace FuncCloud.Functions.Network.Services;

/// <summary>
/// Security group rules: direction, ethertype, protocol by name or number, port range (or ICMP type/code),
/// remote prefix or remote group. Each rule reserves a fingerprint of what it matches, so an identical rule
/// is a 409 <c>SecurityGroupRuleExists</c> even under concurrent creates.
/// </summary>
public sealed class SecurityGroupRuleKind(NeutronContext context, SecurityGroupKind groups) : ResourceKind(context)
{
    private static readonly HashSet<string> All = Set(
        "id", "project_id", "tenant_id", "security_group_id", "direction", "ethertype", "protocol", "port_range_min", "port_range_max",
        "remote_ip_prefix", "remote_group_id", "remote_address_group_id", "normalized_cidr", "description", "created_at", "updated_at", "revision_number");

    private static readonly HashSet<string> Creatable = Set(
        "project_id", "tenant_id", "security_group_id", "direction", "ethertype", "protocol", "port_range_min", "port_range_max",
        "remote_ip_prefix", "remote_group_id", "description");

    private static readonly Dictionary<string, int> Protocols = new(StringComparer.OrdinalIgnoreCase)
    {
        ["icmp"] = 1, ["tcp"] = 6, ["udp"] = 17, ["icmpv6"] = 58, ["ipv6-icmp"] = 58, ["sctp"] = 132, ["gre"] = 47, ["esp"] = 50, ["ah"] = 51,
        ["igmp"] = 2, ["dccp"] = 33, ["udplite"] = 136, ["vrrp"] = 112, ["ospf"] = 89, ["pgm"] = 113, ["rsvp"] = 46,
    };

    /// <inheritdoc />
    public override string Singular => ResourceKindNames.SecurityGroupRule;

    /// <inheritdoc />
    public override string Collection => "security_group_rules";

    /// <inheritdoc />
    public override string Path => "security-group-rules";

    /// <inheritdoc />
    public override bool Taggable => false;

    /// <inheritdoc />
    public override IReadOnlySet<string> Attributes => All;

    /// <inheritdoc />
    protected override IReadOnlySet<string> CreateAttributes => Creatable;

    /// <inheritdoc />
    protected override IReadOnlySet<string> UpdateAttributes => Set("description");

    /// <inheritdoc />
    public override NeutronException NotFound(string id) => NeutronException.NotFound("SecurityGroupRuleNotFound", $"Security group rule {id} does not exist");

    /// <summary>A rule document (used for the default rules of new groups).</summary>
    public static JsonObject NewRule(NeutronContext context, string groupId, string projectId, string direction, string ethertype, string? remoteGroupId) => new()
    {
        ["id"] = Guid.NewGuid().ToString("D"),
        ["project_id"] = projectId,
        ["tenant_id"] = projectId,
        ["security_group_id"] = groupId,
        ["direction"] = direction,
        ["ethertype"] = ethertype,
        ["protocol"] = null,
        ["port_range_min"] = null,
        ["port_range_max"] = null,
        ["remote_ip_prefix"] = null,
        ["remote_group_id"] = remoteGroupId,
        ["remote_address_group_id"] = null,
        ["normalized_cidr"] = null,
        ["description"] = string.Empty,
        ["created_at"] = context.Now,
        ["updated_at"] = context.Now,
        ["revision_number"] = 0,
    };

    /// <summary>The reservation key of what a rule matches (its group, direction, ethertype, protocol, ports, remote).</summary>
    public static string FingerprintKey(JsonObject rule)
    {
        var text = string.Join('|', new[] { "security_group_id", "direction", "ethertype", "protocol", "port_range_min", "port_range_max", "normalized_cidr", "remote_group_id" }
            .Select(a => rule[a]?.ToJsonString() ?? "null"));
        return $"sgr:{rule.Str("security_group_id")}:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32]}";
    }

    /// <inheritdoc />
    protected override async Task<JsonObject> BuildAsync(RequestContext caller, string projectId, JsonObject request, NetworkBatch batch, CancellationToken cancellationToken)
    {
        var groupId = request.Str("security_group_id") ?? throw NeutronException.BadRequest("Failed to parse request. Required attribute 'security_group_id' not specified", "HTTPBadRequest");
        var group = await groups.RequireAsync(caller, groupId, cancellationToken);
        var direction = request.Str("direction") ?? throw NeutronException.BadRequest("Failed to parse request. Required attribute 'direction' not specified", "HTTPBadRequest");
        if (direction is not ("ingress" or "egress"))
        {
            throw NeutronException.InvalidInput($"{direction} is not in [ingress, egress].");
        }

        var ethertype = request.Str("ethertype") ?? "IPv4";
        if (ethertype is not ("IPv4" or "IPv6"))
        {
            throw NeutronException.BadRequest($"Security group rule for ethertype '{ethertype}' not supported. Allowed values are ['IPv4', 'IPv6'].", "SecurityGroupRuleInvalidEtherType");
        }

        var rule = NewRule(Context, groupId, group.Body.Project(), direction, ethertype, request.Str("remote_group_id"));
        var protocol = Protocol(request);
        rule["protocol"] = protocol;
        rule["description"] = request.StrOr("description", string.Empty);
        SetPorts(rule, request, protocol);
        var prefix = request.Str("remote_ip_prefix");
        if (prefix is not null && rule.Str("remote_group_id") is not null)
        {
            throw NeutronException.BadRequest("Only remote_ip_prefix or remote_group_id may be provided.", "SecurityGroupRemoteGroupAndRemoteIpPrefix");
        }

        if (prefix is not null)
        {
            var cidr = prefix.Contains('/') ? IpMath.ParseCidr(prefix, "remote_ip_prefix") : new System.Net.IPNetwork(IpMath.ParseAddress(prefix, "remote_ip_prefix"), IpMath.ParseAddress(prefix, "remote_ip_prefix").AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
            if ((IpMath.Version(cidr.BaseAddress) == 4) != (ethertype == "IPv4"))
            {
                throw NeutronException.BadRequest($"Conflicting value ethertype {ethertype} for CIDR {prefix}", "SecurityGroupRuleParameterConflict");
            }

            rule["remote_ip_prefix"] = cidr.ToString();
            rule["normalized_cidr"] = cidr.ToString();
        }

        if (rule.Str("remote_group_id") is { } remote && remote != groupId)
        {
            await groups.RequireAsync(caller, remote, cancellationToken);
        }

        var fingerprint = FingerprintKey(rule);
        if (await Context.Store.KeyOwnerAsync(fingerprint, cancellationToken) is { } existing)
        {
            throw NeutronException.Conflict("SecurityGroupRuleExists", $"Security group rule already exists. Rule id is {existing}.");
        }

        batch.Reserve(fingerprint, rule.Id());
        var updatedGroup = group.Body.Copy();
        updatedGroup["security_group_rules"] = new JsonArray([.. group.Body.Objects("security_group_rules").Select(r => (JsonNode?)r.Copy()), rule.Copy()]);
        updatedGroup["revision_number"] = (group.Body.Int("revision_number") ?? 0) + 1;
        updatedGroup["updated_at"] = Context.Now;
        batch.Replace(group, updatedGroup);
        return rule;
    }

    /// <inheritdoc />
    protected override async Task OnDeleteAsync(RequestContext caller, StoredResource current, NetworkBatch batch, CancellationToken cancellationToken)
    {
        batch.Release(FingerprintKey(current.Body));
        if (await Context.Store.GetAsync(ResourceKindNames.SecurityGroup, current.Body.Str("security_group_id")!, cancellationToken) is { } group)
        {
            var updated = group.Body.Copy();
            updated["security_group_rules"] = new JsonArray(group.Body.Objects("security_group_rules").Where(r => r.Id() != current.Id).Select(r => (JsonNode?)r.Copy()).ToArray());
            updated["revision_number"] = (group.Body.Int("revision_number") ?? 0) + 1;
            updated["updated_at"] = Context.Now;
            batch.Replace(group, updated);
        }
    }

    private static string? Protocol(JsonObject request)
    {
        var node = request["protocol"];
        if (node is null)
        {
            return null;
        }

        var text = node is JsonValue v && v.TryGetValue(out string? s) ? s : node.ToJsonString();
        if (text is "" or "any")
        {
            return null;
        }

        if (Protocols.ContainsKey(text))
        {
            return text.ToLowerInvariant();
        }

        return int.TryParse(text, out var number) && number is >= 0 and <= 255
            ? text
            : throw NeutronException.BadRequest($"Security group rule protocol {text} not supported. Only protocol values [None, ah, dccp, egp, esp, gre, icmp, icmpv6, igmp, ipv6-icmp, sctp, tcp, udp, udplite, vrrp] and integer representations [0 to 255] are supported.", "SecurityGroupRuleInvalidProtocol");
    }

    private static void SetPorts(JsonObject rule, JsonObject request, string? protocol)
    {
        // neutron's order: each value must be a port (0-65535) before the range is checked per protocol.
        var min = request.Int("port_range_min");
        var max = request.Int("port_range_max");
        foreach (var value in new[] { min, max })
        {
            if (value is < 0 or > 65535)
            {
                throw NeutronException.BadRequest($"Invalid value for port {value}.", "SecurityGroupInvalidPortValue");
            }
        }

        if (min is null && max is null)
        {
            return;
        }

        var number = protocol is null
            ? throw NeutronException.BadRequest("Must also specify protocol if port range is given.", "SecurityGroupProtocolRequiredWithPorts")
            : Protocols.TryGetValue(protocol, out var n) ? n : int.Parse(protocol, System.Globalization.CultureInfo.InvariantCulture);
        if (number is 1 or 58)
        {
            // ICMP: min is the type, max the code.
            foreach (var (value, field, attribute) in new[] { (min, "type", "port_range_min"), (max, "code", "port_range_max") })
            {
                if (value is > 255)
                {
                    throw NeutronException.BadRequest($"Invalid value for ICMP {field} ({attribute}) {value}. It must be 0 to 255.", "SecurityGroupInvalidIcmpValue");
                }
            }

            if (min is null)
            {
                throw NeutronException.BadRequest($"ICMP type (port-range-min) is missing, but ICMP code (port-range-max) {max} is provided.", "SecurityGroupMissingIcmpType");
            }
        }
        else if (number is 6 or 17 or 132 or 33 or 136)
        {
            if (min == 0 || max == 0)
            {
                throw NeutronException.BadRequest("Invalid value for port 0.", "SecurityGroupInvalidPortValue");
            }

            if (min is null || max is null || min > max)
            {
                throw NeutronException.BadRequest("For TCP/UDP protocols, port_range_min must be <= port_range_max", "SecurityGroupInvalidPortRange");
            }
        }
        else
        {
            throw NeutronException.BadRequest($"Invalid protocol {protocol} for port range, only supported for TCP, UDP, UDPLITE, SCTP and DCCP.", "SecurityGroupInvalidProtocolForPortRange");
        }

        rule["port_range_min"] = min;
        rule["port_range_max"] = max;
    }
}

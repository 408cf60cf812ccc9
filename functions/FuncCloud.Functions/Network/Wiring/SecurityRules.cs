using System.Text.Json.Nodes;
using FuncCloud.Functions.Network.Services;
using FuncCloud.Shared.Network.Wiring;

namespace FuncCloud.Functions.Network.Wiring;

/// <summary>Security group rules as a driver applies them: remote groups expanded to their members' addresses.</summary>
public static class SecurityRules
{
    /// <summary>Compares rules by value (two groups with the same rule give one rule).</summary>
    public static readonly IEqualityComparer<SecurityRuleState> Comparer = new RuleComparer();

    /// <summary>
    /// The rule as a driver sees it, or null when it can match nothing: a remote group without members must
    /// not become "any remote" (an empty prefix list means any).
    /// </summary>
    public static SecurityRuleState? Expand(NetworkSnapshot snapshot, JsonObject rule)
    {
        var ethertype = rule.Str("ethertype") ?? "IPv4";
        List<string> prefixes;
        if (rule.Str("remote_group_id") is { } group)
        {
            prefixes = snapshot.Ports.Where(p => (p.Strings("security_groups") ?? []).Contains(group) && p.Bool("port_security_enabled", true))
                .SelectMany(p => p.Objects("fixed_ips").Select(ip => ip.Str("ip_address")!).Concat(p.Objects("allowed_address_pairs").Select(a => a.Str("ip_address")!)))
                .Where(a => IsVersion(a, ethertype))
                .Select(a => a.Contains('/') ? a : a + (ethertype == "IPv6" ? "/128" : "/32"))
                .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            if (prefixes.Count == 0)
            {
                return null;
            }
        }
        else
        {
            prefixes = rule.Str("remote_ip_prefix") is { } prefix ? [prefix] : [];
        }

        return new SecurityRuleState(
            rule.Str("direction") ?? "ingress",
            ethertype,
            rule.Str("protocol"),
            (int?)rule.Int("port_range_min"),
            (int?)rule.Int("port_range_max"),
            prefixes);
    }

    private static bool IsVersion(string address, string ethertype) => address.Contains(':') == (ethertype == "IPv6");

    private sealed class RuleComparer : IEqualityComparer<SecurityRuleState>
    {
        public bool Equals(SecurityRuleState? x, SecurityRuleState? y) =>
            x is not null && y is not null && x.Direction == y.Direction && x.Ethertype == y.Ethertype && x.Protocol == y.Protocol
            && x.PortRangeMin == y.PortRangeMin && x.PortRangeMax == y.PortRangeMax && x.RemotePrefixes.SequenceEqual(y.RemotePrefixes);

        public int GetHashCode(SecurityRuleState obj) => HashCode.Combine(obj.Direction, obj.Ethertype, obj.Protocol, obj.PortRangeMin, obj.PortRangeMax, obj.RemotePrefixes.Count);
    }
}

using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using FuncCloud.Shared.OpenStack.Errors;

namespace FuncCloud.Functions.Compute.Servers.Api;

/// <summary>
/// <c>accessIPv4</c> / <c>accessIPv6</c> of create, update and rebuild: nova's schema formats ('ipv4', 'ipv6'),
/// 400 in nova's words otherwise, and stored the way nova stores them (netaddr's text of the address).
/// </summary>
public static class AccessIps
{
    /// <summary>The validated accessIPv4 of <paramref name="server"/>, or null when absent ("" clears it).</summary>
    public static string? V4(JsonObject server) => Read(server, "accessIPv4", AddressFamily.InterNetwork);

    /// <summary>The validated accessIPv6 of <paramref name="server"/> in canonical text, or null when absent.</summary>
    public static string? V6(JsonObject server) => Read(server, "accessIPv6", AddressFamily.InterNetworkV6);

    private static string? Read(JsonObject server, string name, AddressFamily family)
    {
        var node = server[name];
        if (!server.ContainsKey(name))
        {
            return null;
        }

        var text = node is JsonValue v && v.TryGetValue(out string? s) ? s : null;
        if (text is null)
        {
            throw new BadRequestException($"Invalid input for field/attribute {name}. Value: {node?.ToJsonString() ?? "None"}. {node?.ToJsonString() ?? "None"} is not of type 'string'");
        }

        if (text.Length == 0)
        {
            return string.Empty;
        }

        var kind = family == AddressFamily.InterNetwork ? "ipv4" : "ipv6";
        // IPAddress.TryParse takes "1" or "1.2.3" as IPv4 and scoped or bracketed IPv6: nova's formats do not.
        // (ScopeId throws for an IPv4 address, so the family decides first.)
        var valid = IPAddress.TryParse(text, out var address) && address.AddressFamily == family &&
            (family == AddressFamily.InterNetworkV6
                ? address.ScopeId == 0 && !text.Contains('[') && !text.Contains('%')
                : text.Split('.').Length == 4 && text.Split('.').All(p => p.Length is > 0 and <= 3 && p.All(char.IsAsciiDigit)));
        if (!valid)
        {
            throw new BadRequestException($"Invalid input for field/attribute {name}. Value: {text}. '{text}' is not a '{kind}'");
        }

        return family == AddressFamily.InterNetwork ? address!.ToString() : Canonical(address!);
    }

    /// <summary>RFC 5952 text in hexadecimal groups (netaddr's form: no dotted IPv4 tail), e.g. <c>::babe:dc0c:1602</c>.</summary>
    public static string Canonical(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        var groups = Enumerable.Range(0, 8).Select(i => (bytes[2 * i] << 8) | bytes[(2 * i) + 1]).ToArray();
        int bestStart = -1, bestLength = 0;
        for (var i = 0; i < 8;)
        {
            if (groups[i] != 0)
            {
                i++;
                continue;
            }

            var start = i;
            while (i < 8 && groups[i] == 0)
            {
                i++;
            }

            if (i - start > bestLength && i - start >= 2)
            {
                (bestStart, bestLength) = (start, i - start);
            }
        }

        var text = new StringBuilder();
        for (var i = 0; i < 8; i++)
        {
            if (i == bestStart)
            {
                text.Append(i == 0 ? "::" : ":");
                i += bestLength - 1;
                continue;
            }

            text.Append(groups[i].ToString("x", CultureInfo.InvariantCulture));
            if (i < 7)
            {
                text.Append(':');
            }
        }

        return text.ToString();
    }
}

using System.Text.Json.Nodes;
using FuncCloud.Functions.Network.Services;
using FuncCloud.Shared.Network;

namespace FuncCloud.Functions.Network.Compute;

/// <summary>
/// A server's <c>security_groups</c> in show and list detail, as nova's view builder adds them: the names of the
/// groups of the server's ports, each once (<c>[{"name": ...}]</c>); a server without ports (or whose ports have no
/// group) gets no key at all. One read of ports and groups serves a whole page.
/// </summary>
public sealed class ServerSecurityGroupNames(NetworkStore store)
{
    /// <summary>The <c>security_groups</c> of each of <paramref name="serverIds"/>, or null when nova shows none.</summary>
    public async Task<Func<string, JsonArray?>> ForAsync(IReadOnlyCollection<string> serverIds, CancellationToken cancellationToken)
    {
        var wanted = serverIds.ToHashSet(StringComparer.Ordinal);
        var ports = wanted.Count == 0 ? [] : (await store.ListAsync(ResourceKindNames.Port, cancellationToken)).Select(p => p.Body)
            .Where(p => p.Str("device_id") is { } device && wanted.Contains(device))
            .OrderBy(p => p.Str("created_at"), StringComparer.Ordinal).ThenBy(p => p.Id(), StringComparer.Ordinal).ToList();
        if (ports.Count == 0)
        {
            return _ => null;
        }

        var names = (await store.ListAsync(ResourceKindNames.SecurityGroup, cancellationToken)).ToDictionary(g => g.Id, g => g.Body.StrOr("name", g.Id), StringComparer.Ordinal);
        var byServer = ports.GroupBy(p => p.Str("device_id")!, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => g.SelectMany(p => p.Strings("security_groups") ?? []).Select(id => names.GetValueOrDefault(id, id)).Distinct(StringComparer.Ordinal).ToList(),
            StringComparer.Ordinal);
        return id => byServer.TryGetValue(id, out var groups) && groups.Count > 0
            ? new JsonArray([.. groups.Select(name => (JsonNode)new JsonObject { ["name"] = name })])
            : null;
    }
}

/// <summary>Adds <c>security_groups</c> to a rendered server (after <c>addresses</c>' neighbours, as nova's detail view appends it).</summary>
public static class ServerSecurityGroupView
{
    /// <summary><paramref name="server"/> with <paramref name="groups"/> as <c>security_groups</c>, unchanged when null.</summary>
    public static JsonObject Add(JsonObject server, JsonArray? groups)
    {
        if (groups is not null)
        {
            server["security_groups"] = groups;
        }

        return server;
    }
}

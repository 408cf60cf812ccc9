using System.Globalization;
using System.Text.Json.Nodes;
using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.Compute.Usage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace FuncCloud.Functions.Compute.Usage;

/// <summary>Nova's <c>tenant_usage</c> bodies: naive UTC times as Python's isoformat writes them, no extra keys.</summary>
public static class TenantUsageWire
{
    /// <summary>The collection's path under <c>/compute/v2.1</c>.</summary>
    public const string Collection = "os-simple-tenant-usage";

    /// <summary>A project's usage object (<paramref name="detailed"/>: with its <c>server_usages</c>).</summary>
    public static JsonObject Usage(TenantUsage usage, bool detailed)
    {
        var json = new JsonObject { ["tenant_id"] = usage.ProjectId };
        if (detailed)
        {
            json["server_usages"] = new JsonArray([.. usage.Servers.Select(Server)]);
        }

        json["total_local_gb_usage"] = usage.TotalLocalGbUsage;
        json["total_vcpus_usage"] = usage.TotalVcpusUsage;
        json["total_memory_mb_usage"] = usage.TotalMemoryMbUsage;
        json["total_hours"] = usage.TotalHours;
        json["start"] = Time(usage.Start);
        json["stop"] = Time(usage.Stop);
        return json;
    }

    /// <summary>
    /// The <c>next</c> link of a full page (nova's <c>_get_collection_links</c>: the request's parameters sorted,
    /// <c>marker</c> = the page's last server), or null.
    /// </summary>
    public static JsonArray? Links(HttpRequest request, IReadOnlyList<ServerUsageRecord> page, int limit, string collectionPath)
    {
        if (page.Count == 0 || page.Count != limit)
        {
            return null;
        }

        var query = QueryHelpers.ParseQuery(request.QueryString.Value)
            .OrderBy(q => q.Key, StringComparer.Ordinal)
            .ToDictionary(q => q.Key, q => (string?)q.Value.ToString(), StringComparer.Ordinal);
        query["marker"] = page[^1].ServerId;
        var href = QueryHelpers.AddQueryString($"{ComputeRoutes.V21Url(request)}/{collectionPath}", query);
        return [new JsonObject { ["href"] = href, ["rel"] = "next" }];
    }

    private static JsonObject Server(ServerUsage line) => new()
    {
        ["instance_id"] = line.Server.ServerId,
        ["name"] = line.Server.Name,
        ["hours"] = line.Hours,
        ["memory_mb"] = line.Server.MemoryMb,
        ["local_gb"] = line.Server.LocalGb,
        ["vcpus"] = line.Server.Vcpus,
        ["tenant_id"] = line.Server.ProjectId,
        ["flavor"] = line.Server.FlavorName,
        ["started_at"] = line.Server.LaunchedAt is { } launched ? Time(launched) : null,
        ["ended_at"] = line.Server.TerminatedAt is { } ended ? Time(ended) : null,
        ["state"] = line.State,
        ["uptime"] = line.UptimeSeconds,
    };

    // Python's naive isoformat: microseconds only when there are some.
    private static string Time(DateTimeOffset time)
    {
        var utc = time.UtcDateTime;
        return utc.Ticks % TimeSpan.TicksPerSecond / 10 == 0
            ? utc.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)
            : utc.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture);
    }
}

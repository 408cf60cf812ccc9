using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using FuncCloud.Shared.OpenStack;
using FuncCloud.Shared.Storage;

namespace FuncCloud.Shared.Compute.Usage;

/// <summary>
/// The servers' usage projections by project (table <c>ServerUsage</c>: PartitionKey = project, RowKey = server
/// id, nova's own usage order), kept by <see cref="Servers.ServerRepository"/> beside every change of the
/// server row. The window filter (launched before the end, not terminated before the start) is pushed into
/// the table query, so a project's usage reads one partition and never the cloud's servers.
/// </summary>
public sealed class ServerUsageIndex(TableServiceClient tables, StorageNames names)
{
    /// <summary>The logical table name.</summary>
    public const string TableName = "ServerUsage";

    private const string DataColumn = "Data";
    private const string LaunchedColumn = "LaunchedAt";
    private const string TerminatedColumn = "TerminatedAt";

    // Sortable UTC text: strings compare reliably in every Tables implementation (Azurite's datetime and
    // missing-property comparisons do not). "Never" sorts after every time: not launched / not terminated.
    private const string Never = "~";
    private readonly TableClient _table = tables.GetTableClient(names.Table(TableName));
    private readonly CreateOnce _created = new(() => tables.GetTableClient(names.Table(TableName)).CreateIfNotExistsAsync());

    /// <summary>Stores <paramref name="after"/> unless it equals <paramref name="before"/> (nothing the usage shows changed).</summary>
    public async Task PutAsync(ServerUsageRecord? before, ServerUsageRecord after, CancellationToken cancellationToken)
    {
        if (after == before)
        {
            return;
        }

        await _created.Value;
        var entity = new TableEntity(after.ProjectId, after.ServerId)
        {
            [DataColumn] = JsonSerializer.Serialize(after, OpenStackJson.Storage),
            [LaunchedColumn] = Key(after.LaunchedAt),
            [TerminatedColumn] = Key(after.TerminatedAt),
        };
        await _table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>Forgets a purged server.</summary>
    public async Task DeleteAsync(string projectId, string serverId, CancellationToken cancellationToken)
    {
        await _created.Value;
        await _table.DeleteEntityAsync(projectId, serverId, ETag.All, cancellationToken);
    }

    /// <summary>
    /// The servers active in [<paramref name="start"/>, <paramref name="end"/>) (nova's
    /// <c>instance_get_active_by_window_joined</c>), in (project, server id) order, after <paramref name="after"/>
    /// and at most <paramref name="limit"/>; one project's only when <paramref name="projectId"/> is given.
    /// </summary>
    public async Task<IReadOnlyList<ServerUsageRecord>> QueryAsync(
        string? projectId, DateTimeOffset start, DateTimeOffset end, UsageMarker? after, int limit, CancellationToken cancellationToken)
    {
        await _created.Value;
        // Column names are not values: only the values go through CreateQueryFilter's quoting.
        var filter = LaunchedColumn + TableClient.CreateQueryFilter($" lt {Key(end)} and ") + TerminatedColumn + TableClient.CreateQueryFilter($" gt {Key(start)}");
        if (projectId is not null)
        {
            filter += " and " + TableClient.CreateQueryFilter($"PartitionKey eq {projectId}");
        }

        if (after is not null)
        {
            filter += " and " + TableClient.CreateQueryFilter(
                $"(PartitionKey gt {after.ProjectId} or (PartitionKey eq {after.ProjectId} and RowKey gt {after.ServerId}))");
        }

        var rows = new List<ServerUsageRecord>();
        if (limit <= 0)
        {
            return rows;
        }

        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, Math.Min(limit, 1000), [DataColumn], cancellationToken))
        {
            rows.Add(JsonSerializer.Deserialize<ServerUsageRecord>(entity.GetString(DataColumn), OpenStackJson.Storage)!);
            if (rows.Count >= limit)
            {
                break;
            }
        }

        return rows;
    }

    private static string Key(DateTimeOffset? time) =>
        time?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture) ?? Never;
}

/// <summary>The position after which a usage page starts: nova's marker server, with its project.</summary>
public sealed record UsageMarker(string ProjectId, string ServerId);

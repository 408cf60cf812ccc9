using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using FuncCloud.Shared.OpenStack;
using FuncCloud.Shared.Storage;

namespace FuncCloud.Shared.Rating;

/// <summary>
/// Resource lifecycles by project (PartitionKey = project, RowKey = the resource's key): one JSON row per resource
/// with its start and end as sortable UTC text, so the usage window (started before the end, not ended before the
/// start) is pushed into the table query and a project's usage reads one partition. Shared by the server usage
/// index (<c>ServerUsage</c>) and the volume / floating IP one (<c>ResourceUsage</c>).
/// </summary>
public sealed class LifecycleTable<TRecord>(TableServiceClient tables, StorageNames names, string tableName)
    where TRecord : class
{
    private const string DataColumn = "Data";
    private const string StartColumn = "LaunchedAt";
    private const string EndColumn = "TerminatedAt";

    // Sortable UTC text: strings compare reliably in every Tables implementation (Azurite's datetime and
    // missing-property comparisons do not). "Never" sorts after every time: not started / not ended.
    private const string Never = "~";
    private readonly TableClient _table = tables.GetTableClient(names.Table(tableName));
    private readonly CreateOnce _created = new(() => tables.GetTableClient(names.Table(tableName)).CreateIfNotExistsAsync());

    /// <summary>The row <paramref name="rowKey"/> of <paramref name="partition"/> with its ETag, or null.</summary>
    public async Task<(TRecord Record, ETag ETag)?> GetAsync(string partition, string rowKey, CancellationToken cancellationToken)
    {
        await _created.Value;
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(partition, rowKey, [DataColumn], cancellationToken);
        return response.HasValue ? (Read(response.Value!), response.Value!.ETag) : null;
    }

    /// <summary>
    /// Writes a row: replaces whatever is there (<paramref name="mode"/> <see cref="LifecycleWrite.Upsert"/>), only
    /// when absent (<see cref="LifecycleWrite.InsertOnly"/>: false when it exists) or only over <paramref name="etag"/>
    /// (<see cref="LifecycleWrite.Swap"/>: false when it changed).
    /// </summary>
    public async Task<bool> PutAsync(
        string partition, string rowKey, TRecord record, DateTimeOffset? started, DateTimeOffset? ended, LifecycleWrite mode, ETag etag, CancellationToken cancellationToken)
    {
        await _created.Value;
        var entity = new TableEntity(partition, rowKey)
        {
            [DataColumn] = JsonSerializer.Serialize(record, OpenStackJson.Storage),
            [StartColumn] = Key(started),
            [EndColumn] = Key(ended),
        };
        try
        {
            _ = mode switch
            {
                LifecycleWrite.InsertOnly => await _table.AddEntityAsync(entity, cancellationToken),
                LifecycleWrite.Swap => await _table.UpdateEntityAsync(entity, etag, TableUpdateMode.Replace, cancellationToken),
                _ => await _table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken),
            };
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412 or 404 && mode != LifecycleWrite.Upsert)
        {
            return false;
        }
    }

    /// <summary>Forgets a row.</summary>
    public async Task DeleteAsync(string partition, string rowKey, CancellationToken cancellationToken)
    {
        await _created.Value;
        await _table.DeleteEntityAsync(partition, rowKey, ETag.All, cancellationToken);
    }

    /// <summary>
    /// The rows active in [<paramref name="start"/>, <paramref name="end"/>) in (partition, row key) order, after
    /// <paramref name="after"/> and at most <paramref name="limit"/>; one partition's only when
    /// <paramref name="partition"/> is given, and only row keys starting with <paramref name="rowPrefix"/> when given.
    /// </summary>
    public async Task<IReadOnlyList<TRecord>> QueryAsync(
        string? partition, DateTimeOffset start, DateTimeOffset end, (string Partition, string RowKey)? after, int limit, CancellationToken cancellationToken, string? rowPrefix = null)
    {
        var rows = new List<TRecord>();
        if (limit <= 0)
        {
            return rows;
        }

        await _created.Value;
        // Column names are not values: only the values go through CreateQueryFilter's quoting.
        var filter = StartColumn + TableClient.CreateQueryFilter($" lt {Key(end)} and ") + EndColumn + TableClient.CreateQueryFilter($" gt {Key(start)}");
        if (partition is not null)
        {
            filter += " and " + TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
        }

        if (rowPrefix is not null)
        {
            filter += " and " + TableClient.CreateQueryFilter($"RowKey ge {rowPrefix} and RowKey lt {rowPrefix + '\uffff'}");
        }

        if (after is { } position)
        {
            filter += " and " + TableClient.CreateQueryFilter(
                $"(PartitionKey gt {position.Partition} or (PartitionKey eq {position.Partition} and RowKey gt {position.RowKey}))");
        }

        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, Math.Min(limit, 1000), [DataColumn], cancellationToken))
        {
            rows.Add(Read(entity));
            if (rows.Count >= limit)
            {
                break;
            }
        }

        return rows;
    }

    private static TRecord Read(TableEntity entity) => JsonSerializer.Deserialize<TRecord>(entity.GetString(DataColumn), OpenStackJson.Storage)!;

    private static string Key(DateTimeOffset? time) =>
        time?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture) ?? Never;
}

/// <summary>How <see cref="LifecycleTable{TRecord}.PutAsync"/> writes.</summary>
public enum LifecycleWrite
{
    /// <summary>Replace whatever is there.</summary>
    Upsert,

    /// <summary>Only when the row is absent.</summary>
    InsertOnly,

    /// <summary>Only over the ETag read.</summary>
    Swap,
}

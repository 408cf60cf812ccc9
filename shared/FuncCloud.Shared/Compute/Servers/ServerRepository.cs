using Azure.Data.Tables;
using FuncCloud.Shared.Compute.Quotas;
using FuncCloud.Shared.Compute.Usage;
using FuncCloud.Shared.OpenStack;
using FuncCloud.Shared.Storage;

namespace FuncCloud.Shared.Compute.Servers;

/// <summary>
/// Server records in the <c>Servers</c> table. One partition: servers are looked up by id alone (API,
/// agents, workflows) and listed across projects by admins; at FuncCloud's scale one partition serves
/// thousands of servers (2,000 entities/s) and keeps every read a point read.
/// Every change is a compare-and-swap on the ETag, retried against the fresh record.
/// </summary>
/// <remarks>
/// The project's usage counter (<see cref="ComputeUsageCounters"/>) follows every change of what a server counts
/// for (deleted, resized), right after the server row's own swap. The list index (<see cref="ServerListIndex"/>)
/// moves in the same entity-group transaction as the swap.
/// </remarks>
public sealed class ServerRepository(TableServiceClient tables, StorageNames names)
{
    /// <summary>The logical table name.</summary>
    public const string TableName = "Servers";

    private const string Partition = "server";
    private static readonly CasRetry Retry = new(20, attempt => Random.Shared.Next(5, 20 * attempt));
    private readonly DocumentTable _table = new(tables, names, TableName, OpenStackJson.Storage);
    private readonly ComputeUsageCounters _usage = new(tables, names);
    private readonly ServerUsageIndex _usageIndex = new(tables, names);
    private readonly TableClient _tableClient = tables.GetTableClient(names.Table(TableName));
    private volatile bool _indexReady;

    /// <summary>The server, deleted ones included, or null.</summary>
    public async Task<ServerRecord?> FindAsync(string serverId, CancellationToken cancellationToken) =>
        (await _table.GetAsync<ServerRecord>(Partition, serverId, cancellationToken))?.Value;

    /// <summary>Every server record (deleted ones included).</summary>
    public async Task<IReadOnlyList<ServerRecord>> ListAsync(CancellationToken cancellationToken) =>
        [.. (await _table.ListAsync<ServerRecord>(Partition, cancellationToken)).Select(d => d.Value)];

    /// <summary>
    /// The servers <paramref name="query"/> selects from the list index, in its order, streamed a storage page
    /// (<paramref name="pageSize"/> rows) at a time: read only as far as the caller reads.
    /// </summary>
    public IAsyncEnumerable<ServerRecord> ReadIndexAsync(ServerIndexQuery query, int pageSize, CancellationToken cancellationToken) =>
        ServerListIndex.ReadAsync(_table, Partition, query, pageSize, cancellationToken);

    /// <summary>True once every server row has its list index rows (the backfill finished; new rows always have them).</summary>
    public async Task<bool> IsIndexReadyAsync(CancellationToken cancellationToken)
    {
        if (_indexReady)
        {
            return true;
        }

        await foreach (var _ in _table.QueryRowsAsync(TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey eq {ServerListIndex.ReadyRow}"), 1, ["RowKey"], cancellationToken))
        {
            _indexReady = true;
        }

        return _indexReady;
    }

    /// <summary>
    /// Writes the list index rows of every server row that lacks them (rows from before the index), each with a
    /// compare-and-swap on the server row so a concurrent change is never overwritten by a stale copy; then marks the
    /// index ready. Idempotent: a rerun rewrites the same rows.
    /// </summary>
    /// <returns>How many servers were visited (0 when the index was ready already).</returns>
    public async Task<int> BackfillIndexAsync(CancellationToken cancellationToken)
    {
        if (await IsIndexReadyAsync(cancellationToken))
        {
            return 0;
        }

        var visited = 0;
        foreach (var document in await _table.ListAsync<ServerRecord>(Partition, cancellationToken))
        {
            // Rewriting the same value with its ETag: the swap fails (and is redone on the fresh row) if anyone changed it.
            await _table.UpdateWithCompanionsAsync<ServerRecord>(
                Partition, document.Id, current => current, (before, after) => ServerListIndex.Changes(_table, Partition, null, after), Retry, cancellationToken);
            visited++;
        }

        await _tableClient.UpsertEntityAsync(new TableEntity(Partition, ServerListIndex.ReadyRow), TableUpdateMode.Replace, cancellationToken);
        _indexReady = true;
        return visited;
    }

    /// <summary>Stores a new server; <paramref name="reserved"/> when its usage was reserved already (a create).</summary>
    public async Task InsertAsync(ServerRecord server, CancellationToken cancellationToken, bool reserved = false)
    {
        await _table.InsertWithCompanionsAsync(Partition, server.Id, server, ServerListIndex.Changes(_table, Partition, null, server), cancellationToken);
        await _usageIndex.PutAsync(null, ServerUsageRecord.Of(server), cancellationToken);
        if (!reserved)
        {
            await _usage.AddAsync(server.ProjectId, ComputeUsage.Of(server), cancellationToken);
        }
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the current record with compare-and-swap, retrying on a lost race.
    /// The change may throw (e.g. a state conflict) or return the record unchanged (nothing is written).
    /// </summary>
    /// <returns>The stored record, or null when the server does not exist.</returns>
    public async Task<ServerRecord?> UpdateAsync(string serverId, Func<ServerRecord, ServerRecord> change, CancellationToken cancellationToken)
    {
        var swapped = await _table.UpdateWithCompanionsAsync(
            Partition, serverId, CompareAndSwap.UnlessUnchanged(change), (before, after) => ServerListIndex.Changes(_table, Partition, before, after), Retry, cancellationToken);
        if (swapped is not { } result)
        {
            return null;
        }

        var (stored, before) = result;
        if (!ReferenceEquals(stored, before))
        {
            await _usage.AddAsync(stored.ProjectId, ComputeUsage.Of(stored) - ComputeUsage.Of(before), cancellationToken);
            await _usageIndex.PutAsync(ServerUsageRecord.Of(before), ServerUsageRecord.Of(stored), cancellationToken);
        }

        return stored;
    }

    /// <summary>Removes a server record for good (purge; the API keeps deleted records for instance actions).</summary>
    public async Task PurgeAsync(string serverId, CancellationToken cancellationToken)
    {
        var server = await FindAsync(serverId, cancellationToken);
        await _table.DeleteWithCompanionsAsync(Partition, serverId, server is null ? [] : ServerListIndex.Changes(_table, Partition, server, null), cancellationToken);
        if (server is not null)
        {
            await _usage.AddAsync(server.ProjectId, ComputeUsage.None - ComputeUsage.Of(server), cancellationToken);
            await _usageIndex.DeleteAsync(server.ProjectId, server.Id, cancellationToken);
        }
    }
}

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
/// for (deleted, resized), right after the server row's own swap.
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

    /// <summary>The server, deleted ones included, or null.</summary>
    public async Task<ServerRecord?> FindAsync(string serverId, CancellationToken cancellationToken) =>
        (await _table.GetAsync<ServerRecord>(Partition, serverId, cancellationToken))?.Value;

    /// <summary>Every server record (deleted ones included).</summary>
    public async Task<IReadOnlyList<ServerRecord>> ListAsync(CancellationToken cancellationToken) =>
        [.. (await _table.ListAsync<ServerRecord>(Partition, cancellationToken)).Select(d => d.Value)];

    /// <summary>Stores a new server; <paramref name="reserved"/> when its usage was reserved already (a create).</summary>
    public async Task InsertAsync(ServerRecord server, CancellationToken cancellationToken, bool reserved = false)
    {
        await _table.InsertAsync(Partition, server.Id, server, null, cancellationToken);
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
        ServerRecord? before = null;
        var stored = await _table.UpdateAsync(Partition, serverId, CompareAndSwap.UnlessUnchanged<ServerRecord>(current =>
        {
            before = current;
            return change(current);
        }), Retry, cancellationToken);
        if (stored is not null && before is not null && !ReferenceEquals(stored, before))
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
        await _table.DeleteAsync(Partition, serverId, null, cancellationToken);
        if (server is not null)
        {
            await _usage.AddAsync(server.ProjectId, ComputeUsage.None - ComputeUsage.Of(server), cancellationToken);
            await _usageIndex.DeleteAsync(server.ProjectId, server.Id, cancellationToken);
        }
    }
}

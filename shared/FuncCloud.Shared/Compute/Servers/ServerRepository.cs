using Azure.Data.Tables;
using FuncCloud.Shared.OpenStack;
using FuncCloud.Shared.Storage;

namespace FuncCloud.Shared.Compute.Servers;

/// <summary>
/// Server records in the <c>Servers</c> table. One partition: servers are looked up by id alone (API,
/// agents, workflows) and listed across projects by admins; at FuncCloud's scale one partition serves
/// thousands of servers (2,000 entities/s) and keeps every read a point read.
/// Every change is a compare-and-swap on the ETag, retried against the fresh record.
/// </summary>
public sealed class ServerRepository(TableServiceClient tables, StorageNames names)
{
    /// <summary>The logical table name.</summary>
    public const string TableName = "Servers";

    private const string Partition = "server";
    private static readonly CasRetry Retry = new(20, attempt => Random.Shared.Next(5, 20 * attempt));
    private readonly DocumentTable _table = new(tables, names, TableName, OpenStackJson.Storage);

    /// <summary>The server, deleted ones included, or null.</summary>
    public async Task<ServerRecord?> FindAsync(string serverId, CancellationToken cancellationToken) =>
        (await _table.GetAsync<ServerRecord>(Partition, serverId, cancellationToken))?.Value;

    /// <summary>Every server record (deleted ones included).</summary>
    public async Task<IReadOnlyList<ServerRecord>> ListAsync(CancellationToken cancellationToken) =>
        [.. (await _table.ListAsync<ServerRecord>(Partition, cancellationToken)).Select(d => d.Value)];

    /// <summary>Stores a new server.</summary>
    public Task InsertAsync(ServerRecord server, CancellationToken cancellationToken) =>
        _table.InsertAsync(Partition, server.Id, server, null, cancellationToken);

    /// <summary>
    /// Applies <paramref name="change"/> to the current record with compare-and-swap, retrying on a lost race.
    /// The change may throw (e.g. a state conflict) or return the record unchanged (nothing is written).
    /// </summary>
    /// <returns>The stored record, or null when the server does not exist.</returns>
    public Task<ServerRecord?> UpdateAsync(string serverId, Func<ServerRecord, ServerRecord> change, CancellationToken cancellationToken) =>
        _table.UpdateAsync(Partition, serverId, CompareAndSwap.UnlessUnchanged(change), Retry, cancellationToken);

    /// <summary>Removes a server record for good (purge; the API keeps deleted records for instance actions).</summary>
    public Task PurgeAsync(string serverId, CancellationToken cancellationToken) =>
        _table.DeleteAsync(Partition, serverId, null, cancellationToken);
}

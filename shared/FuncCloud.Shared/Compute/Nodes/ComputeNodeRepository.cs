using Azure.Data.Tables;
using FuncCloud.Shared.OpenStack;
using FuncCloud.Shared.Storage;

namespace FuncCloud.Shared.Compute.Nodes;

/// <summary>
/// Node records in the <c>ComputeNodes</c> table, one partition, keyed by node name; CAS updates. Heartbeats
/// that change nothing else go to <see cref="NodeLiveness"/>, and readers see the newer of the row's
/// <see cref="ComputeNodeRecord.LastHeartbeatAt"/> and the node's beat there.
/// </summary>
public sealed class ComputeNodeRepository(TableServiceClient tables, StorageNames names)
{
    /// <summary>The logical table name.</summary>
    public const string TableName = "ComputeNodes";

    private const string Partition = "node";
    private static readonly CasRetry Retry = new(20, _ => Random.Shared.Next(5, 20));
    private readonly DocumentTable _table = new(tables, names, TableName, OpenStackJson.Storage);

    /// <summary>Where the heartbeats live.</summary>
    public NodeLiveness Liveness { get; } = new(tables, names);

    public async Task<ComputeNodeRecord?> GetAsync(string nodeName, CancellationToken cancellationToken)
    {
        var row = _table.GetAsync<ComputeNodeRecord>(Partition, nodeName, cancellationToken);
        var beat = Liveness.GetAsync(nodeName, cancellationToken);
        return (await row)?.Value is { } node ? WithBeat(node, await beat) : null;
    }

    public async Task<IReadOnlyList<ComputeNodeRecord>> ListAsync(CancellationToken cancellationToken)
    {
        var rows = _table.ListAsync<ComputeNodeRecord>(Partition, cancellationToken);
        var (beats, _) = await Liveness.ListChangedAsync(null, cancellationToken);
        return [.. (await rows).Select(d => WithBeat(d.Value, beats.TryGetValue(d.Id, out var b) ? b : null)).OrderBy(n => n.Name, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The node rows written at or after <paramref name="since"/> (all when null) as stored, without the liveness
    /// overlay, with the newest write time seen: the scheduler's host state cache follows the partition with it.
    /// </summary>
    public async Task<(IReadOnlyList<ComputeNodeRecord> Nodes, DateTimeOffset? Newest)> ListChangedAsync(DateTimeOffset? since, CancellationToken cancellationToken)
    {
        var rows = await _table.ListChangedAsync<ComputeNodeRecord>(Partition, since, cancellationToken);
        return ([.. rows.Select(r => r.Document.Value)], rows.Count == 0 ? null : rows.Max(r => r.Timestamp));
    }

    /// <summary>The names of every registered node (keys only: one cheap paged query, no documents).</summary>
    public async Task<IReadOnlySet<string>> ListNamesAsync(CancellationToken cancellationToken) =>
        (await _table.ListStampsAsync(Partition, cancellationToken)).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);

    /// <summary>Inserts up to 100 new nodes in one transaction (a fleet's bulk registration).</summary>
    /// <exception cref="DuplicateKeyException">One of them exists already (nothing was written).</exception>
    public Task InsertBatchAsync(IReadOnlyList<ComputeNodeRecord> batch, CancellationToken cancellationToken) =>
        _table.InsertBatchAsync(Partition, [.. batch.Select(n => (n.Name, n))], cancellationToken);

    /// <summary>Records a heartbeat of <paramref name="nodeName"/> without touching its row.</summary>
    public Task BeatAsync(string nodeName, DateTimeOffset at, CancellationToken cancellationToken) =>
        Liveness.BeatAsync(nodeName, at, cancellationToken);

    /// <summary>The newer of the row's heartbeat and <paramref name="beat"/>.</summary>
    public static ComputeNodeRecord WithBeat(ComputeNodeRecord node, DateTimeOffset? beat) =>
        beat is { } at && at > node.LastHeartbeatAt ? node with { LastHeartbeatAt = at } : node;

    /// <summary>Creates the node or applies <paramref name="change"/> to it (CAS, retried).</summary>
    /// <returns>The stored record and whether it was created.</returns>
    public async Task<(ComputeNodeRecord Node, bool Created)> UpsertAsync(
        string nodeName, Func<ComputeNodeRecord?, ComputeNodeRecord> change, CancellationToken cancellationToken)
    {
        var (node, created) = await _table.UpsertAsync(Partition, nodeName, change, Retry, cancellationToken);
        return (node!, created);
    }

    /// <summary>Applies <paramref name="change"/> to an existing node; null when the node is unknown.</summary>
    public Task<ComputeNodeRecord?> UpdateAsync(string nodeName, Func<ComputeNodeRecord, ComputeNodeRecord> change, CancellationToken cancellationToken) =>
        _table.UpdateAsync<ComputeNodeRecord>(Partition, nodeName, change, Retry, cancellationToken);

    /// <summary>
    /// Like <see cref="UpdateAsync"/>, but <paramref name="change"/> returns null to leave the row as it is (the
    /// stored row is returned then, its heartbeat as written in the row).
    /// </summary>
    public Task<ComputeNodeRecord?> UpdateIfChangedAsync(string nodeName, Func<ComputeNodeRecord, ComputeNodeRecord?> change, CancellationToken cancellationToken) =>
        _table.UpdateAsync(Partition, nodeName, change, Retry, cancellationToken);

    public async Task<bool> DeleteAsync(string nodeName, CancellationToken cancellationToken)
    {
        if (await GetAsync(nodeName, cancellationToken) is null)
        {
            return false;
        }

        await _table.DeleteAsync(Partition, nodeName, null, cancellationToken);
        return true;
    }
}

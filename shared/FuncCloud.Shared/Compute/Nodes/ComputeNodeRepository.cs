using Azure.Data.Tables;
using FuncCloud.Shared.OpenStack;
using FuncCloud.Shared.Storage;

namespace FuncCloud.Shared.Compute.Nodes;

/// <summary>Node records in the <c>ComputeNodes</c> table, one partition, keyed by node name; CAS updates.</summary>
public sealed class ComputeNodeRepository(TableServiceClient tables, StorageNames names)
{
    /// <summary>The logical table name.</summary>
    public const string TableName = "ComputeNodes";

    private const string Partition = "node";
    private static readonly CasRetry Retry = new(20, _ => Random.Shared.Next(5, 20));
    private readonly DocumentTable _table = new(tables, names, TableName, OpenStackJson.Storage);

    public async Task<ComputeNodeRecord?> GetAsync(string nodeName, CancellationToken cancellationToken) =>
        (await _table.GetAsync<ComputeNodeRecord>(Partition, nodeName, cancellationToken))?.Value;

    public async Task<IReadOnlyList<ComputeNodeRecord>> ListAsync(CancellationToken cancellationToken) =>
        [.. (await _table.ListAsync<ComputeNodeRecord>(Partition, cancellationToken)).Select(d => d.Value).OrderBy(n => n.Name, StringComparer.Ordinal)];

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

using Azure.Data.Tables;
using FuncCloud.Shared.Compute;
using FuncCloud.Shared.OpenStack;
using FuncCloud.Shared.Storage;

namespace FuncCloud.Shared.Compute.Placement;

/// <summary>
/// Capacity claims on nodes (placement's allocation candidates + PUT allocations in one step): a claim reads
/// the node's <see cref="NodeUsage"/>, checks the request against the node's inventory, and writes it back
/// only if nobody changed it meanwhile (ETag). A lost race is retried on fresh data, so concurrent boots
/// never over-commit a node. Claims are idempotent per consumer (a retried activity does not claim twice).
/// </summary>
public sealed class PlacementService(TableServiceClient tables, StorageNames names)
{
    /// <summary>The logical table name.</summary>
    public const string TableName = "Placement";

    private const string Partition = "usage";
    // Another claim won the race: re-read and decide again on fresh usage, after a short growing pause.
    private static readonly CasRetry Retry = new(50, attempt => Random.Shared.Next(1, 10 * Math.Min(attempt, 10)));
    private readonly DocumentTable _table = new(tables, names, TableName, OpenStackJson.Storage);

    /// <summary>The usage of <paramref name="node"/> (empty when nothing was ever claimed).</summary>
    public async Task<NodeUsage> GetUsageAsync(string node, CancellationToken cancellationToken) =>
        (await _table.GetAsync<NodeUsage>(Partition, node, cancellationToken))?.Value ?? NodeUsage.Empty(node);

    /// <summary>The usage of every node that ever had a claim.</summary>
    public async Task<IReadOnlyDictionary<string, NodeUsage>> ListUsageAsync(CancellationToken cancellationToken) =>
        (await _table.ListAsync<NodeUsage>(Partition, cancellationToken)).ToDictionary(d => d.Id, d => d.Value, StringComparer.Ordinal);

    /// <summary>
    /// The usage documents written at or after <paramref name="since"/> (all when null) and the newest write time
    /// seen: how the scheduler's host state cache follows claims and releases without reading every node.
    /// </summary>
    public async Task<(IReadOnlyList<NodeUsage> Usage, DateTimeOffset? Newest)> ListChangedAsync(DateTimeOffset? since, CancellationToken cancellationToken)
    {
        var rows = await _table.ListChangedAsync<NodeUsage>(Partition, since, cancellationToken);
        return ([.. rows.Select(r => r.Document.Value)], rows.Count == 0 ? null : rows.Max(r => r.Timestamp));
    }

    /// <summary>Claims <paramref name="request"/> on <paramref name="node"/> for <paramref name="consumer"/>.</summary>
    public async Task<ClaimResult> ClaimAsync(string node, NodeInventory inventory, string consumer, ResourceAmounts request, CancellationToken cancellationToken)
    {
        ClaimResult? outcome = null;
        await ChangeAsync(node, usage =>
        {
            if (usage.Allocations.ContainsKey(consumer))
            {
                outcome = ClaimResult.Success;
                return null;
            }

            var used = usage.Used;
            if (inventory.Shortfall(used, request) is { } resource)
            {
                var free = inventory.Free(used);
                outcome = new ClaimResult(false, resource switch
                {
                    HostResources.MemoryMb => $"needs {request.MemoryMb} MB RAM, {node} has {free.MemoryMb} MB free",
                    HostResources.Vcpu => $"needs {request.Vcpus} VCPU, {node} has {free.Vcpus} free",
                    _ => $"needs {request.DiskGb} GB disk, {node} has {free.DiskGb} GB free",
                });
                return null;
            }

            outcome = ClaimResult.Success;
            return usage with { Allocations = new Dictionary<string, ResourceAmounts>(usage.Allocations) { [consumer] = request } };
        }, cancellationToken);
        return outcome!;
    }

    /// <summary>Releases <paramref name="consumer"/>'s allocation on <paramref name="node"/> (missing is fine).</summary>
    public Task ReleaseAsync(string node, string consumer, CancellationToken cancellationToken) =>
        ChangeAsync(node, usage => usage.Allocations.ContainsKey(consumer)
            ? usage with { Allocations = usage.Allocations.Where(a => a.Key != consumer).ToDictionary(a => a.Key, a => a.Value) }
            : null, cancellationToken);

    /// <summary>Releases every allocation of <paramref name="consumer"/> and its resize consumer on every node.</summary>
    /// <returns>The nodes that held one.</returns>
    public async Task<IReadOnlyList<string>> ReleaseEverywhereAsync(string consumer, CancellationToken cancellationToken)
    {
        var held = new List<string>();
        foreach (var (node, usage) in await ListUsageAsync(cancellationToken))
        {
            foreach (var key in usage.Allocations.Keys.Where(k => k == consumer || k == ResizeConsumer(consumer)).ToList())
            {
                await ReleaseAsync(node, key, cancellationToken);
                held.Add(node);
            }
        }

        return [.. held.Distinct()];
    }

    /// <summary>Replaces <paramref name="from"/>'s allocation by <paramref name="to"/>'s (confirm of a resize).</summary>
    public Task MoveAsync(string node, string from, string to, CancellationToken cancellationToken) =>
        ChangeAsync(node, usage =>
        {
            if (!usage.Allocations.TryGetValue(from, out var amounts))
            {
                return null;
            }

            var allocations = usage.Allocations.Where(a => a.Key != from && a.Key != to).ToDictionary(a => a.Key, a => a.Value);
            allocations[to] = amounts;
            return usage with { Allocations = allocations };
        }, cancellationToken);

    /// <summary>The consumer that holds the new flavor of a server's pending resize.</summary>
    public static string ResizeConsumer(string serverId) => serverId + ":resize";

    private Task ChangeAsync(string node, Func<NodeUsage, NodeUsage?> change, CancellationToken cancellationToken) =>
        _table.UpsertAsync<NodeUsage>(Partition, node, usage => change(usage ?? NodeUsage.Empty(node)), Retry, cancellationToken);
}

using Azure.Data.Tables;
using FuncCloud.Shared.OpenStack;
using FuncCloud.Shared.Storage;

namespace FuncCloud.Shared.Compute.Nodes;

/// <summary>
/// Node heartbeats kept out of the node rows: a few compact rows (partition <c>liveness</c> of the node table,
/// <see cref="Buckets"/> of them, a node's bucket by a stable hash of its name) each mapping node → last beat.
/// A heartbeat that changes nothing else then leaves the node row alone, so "node rows changed since T" stays
/// what really changed (registration, resources, enable/disable), and following every node's liveness costs
/// at most <see cref="Buckets"/> rows however big the fleet.
/// </summary>
/// <remarks>
/// Concurrent beats of one bucket in this process are group-committed (one compare-and-swap carries all that
/// queued meanwhile); other replicas' writes are merged by the swap's retry.
/// </remarks>
public sealed class NodeLiveness(TableServiceClient tables, StorageNames names)
{
    /// <summary>How many rows hold the beats (~160 nodes each at 10,000 nodes, well under a row's 64 KiB property).</summary>
    public const int Buckets = 64;

    private const string Partition = "liveness";
    private static readonly CasRetry Retry = new(50, attempt => Random.Shared.Next(1, 5 * Math.Min(attempt, 10)));
    private readonly DocumentTable _table = new(tables, names, ComputeNodeRepository.TableName, OpenStackJson.Storage);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, PendingBeats> _pending = new(StringComparer.Ordinal);

    /// <summary>Records that <paramref name="node"/> was alive at <paramref name="at"/> (never moves a beat back).</summary>
    public async Task BeatAsync(string node, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var bucket = BucketOf(node);
        var pending = _pending.GetOrAdd(bucket, _ => new PendingBeats());
        pending.Add(node, at.ToUnixTimeMilliseconds());
        await WriteAsync(bucket, pending, node, cancellationToken);
    }

    // One writer per bucket at a time; whoever holds the gate carries every beat queued meanwhile (group commit).
    private async Task WriteAsync(string bucket, PendingBeats pending, string node, CancellationToken cancellationToken)
    {
        await pending.Gate.WaitAsync(cancellationToken);
        try
        {
            if (pending.TakeIfHolding(node) is not { } batch)
            {
                return; // the writer before us carried this beat
            }

            try
            {
                await _table.UpsertAsync<LivenessBucket>(Partition, bucket, current =>
                {
                    var beats = new Dictionary<string, long>(current?.Beats ?? [], StringComparer.Ordinal);
                    foreach (var (name, ms) in batch)
                    {
                        beats[name] = Math.Max(ms, beats.GetValueOrDefault(name));
                    }

                    return new LivenessBucket(beats);
                }, Retry, cancellationToken);
            }
            catch
            {
                pending.Restore(batch);
                throw;
            }
        }
        finally
        {
            pending.Gate.Release();
        }
    }

    /// <summary>
    /// Records that every node in <paramref name="nodeNames"/> was alive at <paramref name="at"/>: one compare-and-swap per
    /// bucket touched (at most <see cref="Buckets"/>), however many nodes a fleet's heartbeat carries.
    /// </summary>
    public Task BeatManyAsync(IEnumerable<string> nodeNames, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var ms = at.ToUnixTimeMilliseconds();
        var writes = nodeNames.GroupBy(BucketOf).Select(async group =>
        {
            var pending = _pending.GetOrAdd(group.Key, _ => new PendingBeats());
            foreach (var node in group)
            {
                pending.Add(node, ms);
            }

            await WriteAsync(group.Key, pending, group.First(), cancellationToken);
        });
        return Task.WhenAll(writes);
    }

    /// <summary>The last beat of <paramref name="node"/>, or null.</summary>
    public async Task<DateTimeOffset?> GetAsync(string node, CancellationToken cancellationToken) =>
        (await _table.GetAsync<LivenessBucket>(Partition, BucketOf(node), cancellationToken))?.Value.Beats.TryGetValue(node, out var ms) == true
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : null;

    /// <summary>
    /// The beats in the buckets written at or after <paramref name="since"/> (all when null), and the newest
    /// write time seen (the next <paramref name="since"/>, less the reader's overlap).
    /// </summary>
    public async Task<(IReadOnlyDictionary<string, DateTimeOffset> Beats, DateTimeOffset? Newest)> ListChangedAsync(DateTimeOffset? since, CancellationToken cancellationToken)
    {
        var beats = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        DateTimeOffset? newest = null;
        foreach (var row in await _table.ListChangedAsync<LivenessBucket>(Partition, since, cancellationToken))
        {
            newest = newest is { } n && n > row.Timestamp ? n : row.Timestamp;
            foreach (var (name, ms) in row.Document.Value.Beats)
            {
                beats[name] = DateTimeOffset.FromUnixTimeMilliseconds(ms);
            }
        }

        return (beats, newest);
    }

    /// <summary>The bucket of <paramref name="node"/>: FNV-1a of its name (stable across processes, unlike string hashes).</summary>
    public static string BucketOf(string node)
    {
        var hash = 2166136261u;
        foreach (var c in node)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return "b" + (hash % Buckets).ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A bucket row: node name → last beat in Unix milliseconds.</summary>
    private sealed record LivenessBucket(Dictionary<string, long> Beats);

    // The beats of one bucket waiting for its writer, and the gate that makes one writer at a time.
    private sealed class PendingBeats
    {
        private readonly Lock _lock = new();
        private Dictionary<string, long> _beats = new(StringComparer.Ordinal);

        public SemaphoreSlim Gate { get; } = new(1, 1);

        public void Add(string node, long ms)
        {
            lock (_lock)
            {
                _beats[node] = Math.Max(ms, _beats.GetValueOrDefault(node));
            }
        }

        public Dictionary<string, long>? TakeIfHolding(string node)
        {
            lock (_lock)
            {
                if (!_beats.ContainsKey(node))
                {
                    return null;
                }

                var batch = _beats;
                _beats = new(StringComparer.Ordinal);
                return batch;
            }
        }

        public void Restore(Dictionary<string, long> batch)
        {
            foreach (var (node, ms) in batch)
            {
                Add(node, ms);
            }
        }
    }
}

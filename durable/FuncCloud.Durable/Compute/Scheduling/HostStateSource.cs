using FuncCloud.Shared.Compute.Nodes;
using FuncCloud.Shared.Compute.Placement;
using Microsoft.Extensions.Options;

namespace FuncCloud.Durable.Compute.Scheduling;

/// <summary>
/// Builds the <see cref="HostState"/>s of a scheduling pass from an in-process cache of node rows, node beats
/// and placement usage, refreshed incrementally before each pass: only the rows storage wrote since the last
/// refresh (their Timestamp) are read, so a boot costs the same at 10 or 10,000 nodes. Heartbeats do not
/// rewrite node rows (<see cref="NodeLiveness"/>), and claims of every replica come in as changed usage rows.
/// </summary>
/// <remarks>
/// The cache only picks candidates: the claim is still a compare-and-swap on the node's usage row, so a stale
/// entry costs a lost claim and a retry, never an over-commit. Everything is re-read every
/// <see cref="SchedulerOptions.HostStateFullRefresh"/> (rows deleted meanwhile drop out then), and each
/// incremental read overlaps the previous one by <see cref="SchedulerOptions.HostStateRefreshOverlap"/> so that
/// writes committed out of Timestamp order are not missed.
/// </remarks>
public sealed class HostStateSource(
    ComputeNodeRepository nodes,
    PlacementService placement,
    IHostAggregateSource aggregates,
    IOptions<PlacementOptions> placementOptions,
    IOptions<ComputeNodeOptions> nodeOptions,
    IOptions<SchedulerOptions> schedulerOptions,
    TimeProvider time)
{
    private static readonly IReadOnlyDictionary<string, IReadOnlySet<string>> NoMetadata = new Dictionary<string, IReadOnlySet<string>>();
    private static readonly IReadOnlySet<string> NoServers = new HashSet<string>();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly SortedDictionary<string, ComputeNodeRecord> _nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CachedUsage> _usage = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _beats = new(StringComparer.Ordinal);

    // The host states of the last pass, reused while their node, usage and beat rows did not change and they
    // stay up: a pass then allocates only for what changed.
    private readonly Dictionary<string, HostState> _hosts = new(StringComparer.Ordinal);
    private readonly HashSet<string> _changed = new(StringComparer.Ordinal);
    private object? _metadata;
    private DateTimeOffset? _nodesSince;
    private DateTimeOffset? _usageSince;
    private DateTimeOffset? _beatsSince;
    private DateTimeOffset? _loadedAt;

    public async Task<IReadOnlyList<HostState>> GetAsync(CancellationToken cancellationToken)
    {
        var metadata = aggregates.GetHostMetadataAsync(cancellationToken);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await RefreshAsync(cancellationToken);
            return Build(await metadata);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var options = schedulerOptions.Value;
        var now = time.GetUtcNow();
        if (_loadedAt is not { } loaded || now - loaded >= options.HostStateFullRefresh || now < loaded)
        {
            _nodes.Clear();
            _usage.Clear();
            _beats.Clear();
            _hosts.Clear();
            (_nodesSince, _usageSince, _beatsSince, _loadedAt) = (null, null, null, now);
        }

        var changedNodes = nodes.ListChangedAsync(_nodesSince, cancellationToken);
        var changedUsage = placement.ListChangedAsync(_usageSince, cancellationToken);
        var changedBeats = nodes.Liveness.ListChangedAsync(_beatsSince, cancellationToken);

        var (records, nodesNewest) = await changedNodes;
        foreach (var node in records)
        {
            _nodes[node.Name] = node;
            _changed.Add(node.Name);
        }

        var (usage, usageNewest) = await changedUsage;
        foreach (var node in usage)
        {
            _usage[node.Node] = new CachedUsage(
                node.Used,
                node.Allocations.Count == 0 ? NoServers : node.Allocations.Keys.Select(k => k.Split(':')[0]).ToHashSet(StringComparer.Ordinal));
            _changed.Add(node.Node);
        }

        var (beats, beatsNewest) = await changedBeats;
        foreach (var (node, beat) in beats)
        {
            if (!_beats.TryGetValue(node, out var known) || known != beat)
            {
                _beats[node] = beat;
                _changed.Add(node);
            }
        }

        _nodesSince = Next(_nodesSince, nodesNewest, options.HostStateRefreshOverlap);
        _usageSince = Next(_usageSince, usageNewest, options.HostStateRefreshOverlap);
        _beatsSince = Next(_beatsSince, beatsNewest, options.HostStateRefreshOverlap);
    }

    private static DateTimeOffset? Next(DateTimeOffset? since, DateTimeOffset? newest, TimeSpan overlap) =>
        newest is { } n && (since is null || n - overlap > since) ? n - overlap : since;

    private List<HostState> Build(IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlySet<string>>> metadata)
    {
        if (!ReferenceEquals(metadata, _metadata))
        {
            _hosts.Clear();
            _metadata = metadata;
        }

        var now = time.GetUtcNow();
        var downAfter = nodeOptions.Value.DownAfter;
        var hosts = new List<HostState>(_nodes.Count);
        foreach (var stored in _nodes.Values)
        {
            // Down hosts are rebuilt every pass: their "last heartbeat N s ago" goes into the fault.
            if (!_changed.Contains(stored.Name) && _hosts.TryGetValue(stored.Name, out var cached) && cached.IsUp && cached.Node.IsUp(now, downAfter))
            {
                hosts.Add(cached);
                continue;
            }

            var host = Create(stored, metadata, now, downAfter);
            _hosts[stored.Name] = host;
            hosts.Add(host);
        }

        _changed.Clear();
        return hosts;
    }

    private HostState Create(ComputeNodeRecord stored, IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlySet<string>>> metadata, DateTimeOffset now, TimeSpan downAfter)
    {
        var node = ComputeNodeRepository.WithBeat(stored, _beats.TryGetValue(stored.Name, out var beat) ? beat : null);
        var usage = _usage.GetValueOrDefault(node.Name);
        return new HostState(
            node,
            node.IsUp(now, downAfter),
            placementOptions.Value.InventoryOf(node.Resources),
            usage?.Used ?? ResourceAmounts.Zero,
            usage?.Servers ?? NoServers,
            metadata.GetValueOrDefault(node.Name) ?? NoMetadata,
            (int)Math.Max(0, (now - node.LastHeartbeatAt).TotalSeconds));
    }

    /// <summary>A node's usage as the filters need it, computed once per change of its row.</summary>
    private sealed record CachedUsage(ResourceAmounts Used, IReadOnlySet<string> Servers);
}

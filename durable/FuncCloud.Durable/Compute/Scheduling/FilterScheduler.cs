namespace FuncCloud.Durable.Compute.Scheduling;

/// <summary>The outcome of a scheduling pass: weighed candidates, best first, or why there are none.</summary>
public sealed record SchedulingResult(IReadOnlyList<HostState> Candidates, string? NoValidHostReason)
{
    /// <summary>nova's NoValidHost text, followed by what emptied the host list.</summary>
    public const string NoValidHost = "No valid host was found.";
}

/// <summary>
/// nova's FilterScheduler: run every filter in order, stop at the first that leaves no host (its name and
/// numbers become the fault), then weigh the survivors (each weigher min-max normalised, times its multiplier).
/// </summary>
public sealed class FilterScheduler(IEnumerable<IHostFilter> filters, IEnumerable<IHostWeigher> weighers)
{
    private readonly IReadOnlyList<IHostFilter> _filters = [.. filters];
    private readonly IReadOnlyList<IHostWeigher> _weighers = [.. weighers];

    /// <summary>
    /// Filters and weighs <paramref name="hosts"/> for <paramref name="spec"/>; with <paramref name="limit"/>, only
    /// the best that many come back (a boot tries a few candidates, and sorting ten thousand would cost more than
    /// the rest of the pass).
    /// </summary>
    public SchedulingResult Select(IReadOnlyList<HostState> hosts, RequestSpec spec, int? limit = null)
    {
        if (hosts.Count == 0)
        {
            return Fail("0 hosts available: no compute node has registered.");
        }

        var remaining = hosts;
        if (spec.ForcedHost is { } forced)
        {
            remaining = [.. hosts.Where(h => h.Name == forced)];
            if (remaining.Count == 0)
            {
                return Fail($"the requested host {forced} is not a registered compute node.");
            }
        }

        foreach (var filter in _filters)
        {
            var passed = new List<HostState>();
            var rejected = new List<(HostState, string)>();
            foreach (var host in remaining)
            {
                if (filter.Reject(host, spec) is { } reason)
                {
                    rejected.Add((host, reason));
                }
                else
                {
                    passed.Add(host);
                }
            }

            if (passed.Count == 0)
            {
                return Fail($"0 hosts left after {filter.Name}: {filter.Summarize(rejected, spec)}.");
            }

            remaining = passed;
        }

        return new SchedulingResult(Weigh(remaining, spec, Math.Max(1, limit ?? remaining.Count)), null);
    }

    private IReadOnlyList<HostState> Weigh(IReadOnlyList<HostState> hosts, RequestSpec spec, int limit)
    {
        var totals = new double[hosts.Count];
        foreach (var weigher in _weighers.Where(w => w.Multiplier != 0))
        {
            var raw = hosts.Select(h => weigher.Weigh(h, spec)).ToArray();
            var (min, max) = (raw.Min(), raw.Max());
            for (var i = 0; i < raw.Length; i++)
            {
                var normalised = max > min ? (raw[i] - min) / (max - min) : 0;
                totals[i] += weigher.Multiplier * normalised;
            }
        }

        // Best first; ties keep name order so a pass is deterministic for the same inputs.
        var better = Comparer<int>.Create((a, b) =>
        {
            var byWeight = totals[b].CompareTo(totals[a]);
            return byWeight != 0 ? byWeight : StringComparer.Ordinal.Compare(hosts[a].Name, hosts[b].Name);
        });
        if (limit >= hosts.Count)
        {
            var all = Enumerable.Range(0, hosts.Count).ToArray();
            Array.Sort(all, better);
            return [.. all.Select(i => hosts[i])];
        }

        // The best `limit` in one pass over the hosts: a heap whose top is the worst of those kept so far.
        var kept = new PriorityQueue<int, int>(limit + 1, Comparer<int>.Create((a, b) => better.Compare(b, a)));
        for (var i = 0; i < hosts.Count; i++)
        {
            if (kept.Count < limit)
            {
                kept.Enqueue(i, i);
            }
            else if (better.Compare(i, kept.Peek()) < 0)
            {
                kept.DequeueEnqueue(i, i);
            }
        }

        var best = kept.UnorderedItems.Select(x => x.Element).ToArray();
        Array.Sort(best, better);
        return [.. best.Select(i => hosts[i])];
    }

    private static SchedulingResult Fail(string reason) => new([], $"{SchedulingResult.NoValidHost} {reason}");
}

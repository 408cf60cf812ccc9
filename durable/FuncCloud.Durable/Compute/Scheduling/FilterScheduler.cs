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

    /// <summary>Filters and weighs <paramref name="hosts"/> for <paramref name="spec"/>.</summary>
    public SchedulingResult Select(IReadOnlyList<HostState> hosts, RequestSpec spec)
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

        return new SchedulingResult(Weigh(remaining, spec), null);
    }

    private IReadOnlyList<HostState> Weigh(IReadOnlyList<HostState> hosts, RequestSpec spec)
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

        // Ties keep name order so a pass is deterministic for the same inputs.
        return [.. hosts.Select((h, i) => (h, w: totals[i])).OrderByDescending(x => x.w).ThenBy(x => x.h.Name, StringComparer.Ordinal).Select(x => x.h)];
    }

    private static SchedulingResult Fail(string reason) => new([], $"{SchedulingResult.NoValidHost} {reason}");
}

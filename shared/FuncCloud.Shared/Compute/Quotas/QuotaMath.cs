namespace FuncCloud.Shared.Compute.Quotas;

/// <summary>One resource that a request would take over its limit.</summary>
public sealed record QuotaOver(string Resource, long Requested, long Used, int Limit);

/// <summary>Quota arithmetic, free of I/O so it can be tested on its own (nova's count-then-check).</summary>
public static class QuotaMath
{
    /// <summary>
    /// The resources for which <c>used + requested</c> exceeds a limit, in name order; <c>-1</c> is unlimited.
    /// A zero request checks that usage is within the limit (nova's recheck after writing the records);
    /// a negative one (a resize down) never fails, so a project over a lowered limit can still shrink.
    /// </summary>
    public static IReadOnlyList<QuotaOver> FindOvers(
        IReadOnlyDictionary<string, int> limits,
        IReadOnlyDictionary<string, long> used,
        IReadOnlyDictionary<string, long> requested) =>
        requested
            .Where(r => r.Value >= 0 && limits.TryGetValue(r.Key, out var limit) && limit != ComputeQuotaResources.Unlimited
                && used.GetValueOrDefault(r.Key) + r.Value > limit)
            .OrderBy(r => r.Key, StringComparer.Ordinal)
            .Select(r => new QuotaOver(r.Key, r.Value, used.GetValueOrDefault(r.Key), limits[r.Key]))
            .ToList();

    /// <summary>How much of <paramref name="resource"/> is left (<see cref="long.MaxValue"/> when unlimited, never negative).</summary>
    public static long Headroom(IReadOnlyDictionary<string, int> limits, IReadOnlyDictionary<string, long> used, string resource) =>
        !limits.TryGetValue(resource, out var limit) || limit == ComputeQuotaResources.Unlimited
            ? long.MaxValue
            : Math.Max(0, limit - used.GetValueOrDefault(resource));

    /// <summary>
    /// Nova's <c>TooManyInstances</c> text, lists joined the way nova's <c>get_over_quota_detail</c> joins them:
    /// <c>Quota exceeded for cores, instances: Requested 2, 1, but already used 20, 10 of 20, 10 cores, instances</c>.
    /// </summary>
    public static string InstancesMessage(IReadOnlyList<QuotaOver> overs)
    {
        var names = string.Join(", ", overs.Select(o => o.Resource));
        return $"Quota exceeded for {names}: Requested {string.Join(", ", overs.Select(o => o.Requested))}, " +
            $"but already used {string.Join(", ", overs.Select(o => o.Used))} of {string.Join(", ", overs.Select(o => o.Limit))} {names}";
    }

    /// <summary>
    /// Whether a new limit is acceptable without <c>force</c>: nova refuses (400) a limit below what is
    /// already used, except <c>-1</c>.
    /// </summary>
    public static bool IsAcceptableLimit(int newLimit, long used) =>
        newLimit == ComputeQuotaResources.Unlimited || newLimit >= used;
}

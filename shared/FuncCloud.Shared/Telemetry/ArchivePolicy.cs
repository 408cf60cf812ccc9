namespace FuncCloud.Shared.Telemetry;

/// <summary>One resolution of an archive policy: buckets of <see cref="Granularity"/>, <see cref="Points"/> of them kept.</summary>
public sealed record ArchivePolicyDefinition(TimeSpan Granularity, int Points)
{
    /// <summary>How far back the resolution reaches: granularity × points (gnocchi's <c>timespan</c>).</summary>
    public TimeSpan Timespan => Granularity * Points;

    /// <summary>A definition from a granularity and a timespan, as gnocchi's defaults are written.</summary>
    public static ArchivePolicyDefinition Over(TimeSpan granularity, TimeSpan timespan) => new(granularity, (int)(timespan / granularity));
}

/// <summary>
/// A gnocchi archive policy: which aggregation methods are kept at which resolutions for how long.
/// <see cref="BackWindow"/> is accepted and reported as gnocchi does; this store takes late measures anywhere
/// inside the retention of each resolution (see docs/telemetry.md), so it does not limit anything.
/// </summary>
public sealed record ArchivePolicy(string Name, int BackWindow, IReadOnlyList<ArchivePolicyDefinition> Definition, IReadOnlyList<string> AggregationMethods)
{
    /// <summary>The definition of <paramref name="granularity"/>, or null.</summary>
    public ArchivePolicyDefinition? Find(TimeSpan granularity) => Definition.FirstOrDefault(d => d.Granularity == granularity);

    /// <summary>Whether the policy keeps <paramref name="method"/>.</summary>
    public bool Keeps(string method) => AggregationMethods.Contains(method, StringComparer.Ordinal);
}

/// <summary>A gnocchi archive policy rule: metrics whose name matches <see cref="MetricPattern"/> get <see cref="ArchivePolicyName"/>.</summary>
public sealed record ArchivePolicyRule(string Name, string MetricPattern, string ArchivePolicyName)
{
    /// <summary>Whether <paramref name="metricName"/> matches the pattern (fnmatch: <c>*</c> any run, <c>?</c> one character).</summary>
    public bool Matches(string metricName) => Glob(MetricPattern, 0, metricName, 0);

    private static bool Glob(string pattern, int p, string text, int t)
    {
        while (p < pattern.Length)
        {
            switch (pattern[p])
            {
                case '*':
                    for (var k = t; k <= text.Length; k++)
                    {
                        if (Glob(pattern, p + 1, text, k))
                        {
                            return true;
                        }
                    }

                    return false;
                case '?' when t < text.Length:
                    p++;
                    t++;
                    break;
                default:
                    if (t >= text.Length || pattern[p] != text[t])
                    {
                        return false;
                    }

                    p++;
                    t++;
                    break;
            }
        }

        return t == text.Length;
    }
}

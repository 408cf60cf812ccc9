namespace FuncCloud.Shared.Telemetry;

/// <summary>Bucket arithmetic: which bucket a timestamp falls in, and the points of a run of buckets.</summary>
public static class SeriesMath
{
    /// <summary>The index of the bucket holding <paramref name="timestamp"/> (buckets are aligned on the Unix epoch, as gnocchi's).</summary>
    public static long BucketIndex(DateTimeOffset timestamp, TimeSpan granularity) =>
        Math.DivRem(timestamp.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks, granularity.Ticks) is var (quotient, remainder) && remainder < 0 ? quotient - 1 : quotient;

    /// <summary>The start of bucket <paramref name="index"/>.</summary>
    public static DateTimeOffset BucketStart(long index, TimeSpan granularity) =>
        DateTimeOffset.UnixEpoch.AddTicks(index * granularity.Ticks);

    /// <summary>
    /// Adds <paramref name="measures"/> into buckets of <paramref name="granularity"/> (the store does the same,
    /// split by split).
    /// </summary>
    public static SortedDictionary<long, Bucket> Aggregate(IEnumerable<Measure> measures, TimeSpan granularity)
    {
        var buckets = new SortedDictionary<long, Bucket>();
        foreach (var measure in measures)
        {
            var index = BucketIndex(measure.Timestamp, granularity);
            buckets.TryGetValue(index, out var bucket);
            bucket.Add(measure.Timestamp.UtcTicks, measure.Value);
            buckets[index] = bucket;
        }

        return buckets;
    }

    /// <summary>
    /// The points of <paramref name="method"/> for buckets in ascending index order. <paramref name="previous"/>
    /// is the last non-empty bucket before them (for rates), if known.
    /// </summary>
    public static IEnumerable<AggregatedPoint> Points(IEnumerable<KeyValuePair<long, Bucket>> buckets, TimeSpan granularity, string method, Bucket? previous = null)
    {
        foreach (var (index, bucket) in buckets)
        {
            if (bucket.Count == 0)
            {
                continue;
            }

            if (bucket.Value(method, previous) is { } value)
            {
                yield return new AggregatedPoint(BucketStart(index, granularity), granularity, value);
            }

            previous = bucket;
        }
    }
}

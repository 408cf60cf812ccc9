using FuncCloud.Shared.Telemetry;
using FuncCloud.Shared.Telemetry.Storage;
using Shouldly;
using Xunit;

namespace FuncCloud.Shared.Tests.Telemetry;

/// <summary>The aggregation math of the measures store: bucket boundaries, every method, rates, out-of-order input.</summary>
public sealed class SeriesMathTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public void Aggregate_BucketBoundaries_StartInclusiveEndExclusive()
    {
        var buckets = SeriesMath.Aggregate([new(T0, 1), new(T0.AddSeconds(59.999), 2), new(T0.AddSeconds(60), 3)], Minute);

        buckets.Count.ShouldBe(2);
        var points = SeriesMath.Points(buckets, Minute, "sum").ToList();
        points[0].ShouldBe(new AggregatedPoint(T0, Minute, 3));
        points[1].ShouldBe(new AggregatedPoint(T0.AddMinutes(1), Minute, 3));
    }

    [Theory]
    [InlineData("mean", 2.5)]
    [InlineData("min", 1)]
    [InlineData("max", 4)]
    [InlineData("sum", 10)]
    [InlineData("count", 4)]
    [InlineData("first", 4)]
    [InlineData("last", 3)]
    [InlineData("std", 1.2909944487358056)]
    public void Points_EveryMethod_MatchesTheRawMeasures(string method, double expected)
    {
        // Added out of order: first/last go by timestamp, not by arrival.
        var buckets = SeriesMath.Aggregate([new(T0.AddSeconds(30), 2), new(T0.AddSeconds(50), 3), new(T0.AddSeconds(5), 4), new(T0.AddSeconds(40), 1)], Minute);

        SeriesMath.Points(buckets, Minute, method).Single().Value.ShouldBe(expected, 1e-9);
    }

    [Fact]
    public void Points_RateMean_IsTheMeanOfConsecutiveDifferencesAcrossBuckets()
    {
        // A cumulative counter (cpu ns): 0, 10, 30 in minute 0; 60, 100 in minute 1.
        var measures = new Measure[] { new(T0, 0), new(T0.AddSeconds(20), 10), new(T0.AddSeconds(40), 30), new(T0.AddSeconds(60), 60), new(T0.AddSeconds(80), 100) };

        var points = SeriesMath.Points(SeriesMath.Aggregate(measures, Minute), Minute, "rate:mean").ToList();

        points[0].Value.ShouldBe(15); // (10 + 20) / 2: the series' first measure has no difference
        points[1].Value.ShouldBe(35); // (30 + 40) / 2: the first difference is taken against minute 0's last
        SeriesMath.Points(SeriesMath.Aggregate(measures, Minute), Minute, "rate:sum").Select(p => p.Value).ShouldBe([30.0, 70.0]);
    }

    [Fact]
    public void Points_RateWithOneMeasureAndNoPrevious_HasNoPoint()
    {
        SeriesMath.Points(SeriesMath.Aggregate([new(T0, 5)], Minute), Minute, "rate:mean").ShouldBeEmpty();
        SeriesMath.Points(SeriesMath.Aggregate([new(T0, 5)], Minute), Minute, "std").ShouldBeEmpty();
    }

    [Fact]
    public void Aggregate_SameMeasuresInAnyOrderOrBatching_SameBuckets()
    {
        var measures = Enumerable.Range(0, 200).Select(i => new Measure(T0.AddSeconds(i * 7), (i * 37) % 11)).ToList();
        var shuffled = measures.OrderBy(m => (m.Value * 13) + m.Timestamp.Second).ToList();

        var a = SeriesMath.Aggregate(measures, Minute);
        var b = SeriesMath.Aggregate(shuffled, Minute);

        foreach (var method in AggregationMethods.Supported)
        {
            SeriesMath.Points(b, Minute, method).ToList().ShouldBe(SeriesMath.Points(a, Minute, method).ToList(), method);
        }
    }

    [Fact]
    public void SplitCodec_RoundTrips()
    {
        var buckets = new SortedDictionary<int, Bucket>();
        var bucket = default(Bucket);
        bucket.Add(T0.UtcTicks, 1.5);
        bucket.Add(T0.UtcTicks + 5, -2);
        buckets[0] = bucket;
        buckets[MeasureStore.SplitSize - 1] = bucket;

        var bytes = SplitCodec.Encode(buckets);

        SplitCodec.Decode(bytes).ShouldBe(buckets);
        SplitCodec.Encode(Enumerable.Range(0, MeasureStore.SplitSize).ToDictionary(i => i, _ => bucket).ToSortedDictionary()).Length.ShouldBeLessThan(64 * 1024);
    }

    [Fact]
    public void ArchivePolicyRule_Matches_AsFnmatch()
    {
        new ArchivePolicyRule("r", "*", "low").Matches("cpu").ShouldBeTrue();
        new ArchivePolicyRule("r", "disk.*.bytes", "low").Matches("disk.device.read.bytes").ShouldBeTrue();
        new ArchivePolicyRule("r", "disk.?", "low").Matches("disk.ab").ShouldBeFalse();
    }

    [Fact]
    public void DefaultArchivePolicies_AsGnocchiAndCeilometerDefineThem()
    {
        var low = DefaultArchivePolicies.All.Single(p => p.Name == "low");
        low.Definition.Single().ShouldBe(new ArchivePolicyDefinition(TimeSpan.FromMinutes(5), 8640));
        DefaultArchivePolicies.All.Single(p => p.Name == "ceilometer-low-rate").AggregationMethods.ShouldBe(["mean", "rate:mean"]);
        DefaultArchivePolicies.All.SelectMany(p => p.AggregationMethods).ShouldAllBe(m => AggregationMethods.Supported.Contains(m));
    }
}

internal static class SortedDictionaryExtensions
{
    public static SortedDictionary<int, Bucket> ToSortedDictionary(this Dictionary<int, Bucket> source) => new(source);
}

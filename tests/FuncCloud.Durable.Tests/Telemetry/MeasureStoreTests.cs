using Azure.Data.Tables;
using FuncCloud.Shared.Storage;
using FuncCloud.Shared.Telemetry;
using FuncCloud.Shared.Telemetry.Storage;
using FuncCloud.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Shouldly;
using Xunit;

namespace FuncCloud.Durable.Tests.Telemetry;

/// <summary>The measures store against Azurite: aggregation on write, retention, idempotent and concurrent ingest, range reads.</summary>
public sealed class MeasureStoreTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 2, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private static readonly ArchivePolicy Policy = new(
        "test", 0, [new(Minute, 60), new(TimeSpan.FromHours(1), 48)], ["mean", "max", "count", "last", "rate:mean"]);

    private MeasureStore _store = null!;

    public async Task InitializeAsync()
    {
        var connection = (await AzuriteServer.GetAsync()).ConnectionString;
        _store = new MeasureStore(new TableServiceClient(connection), new StorageNames("m" + Guid.NewGuid().ToString("N")[..10]), NullLogger<MeasureStore>.Instance);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task GetAsync_AfterAdd_ReturnsEachResolutionCoarsestFirst()
    {
        await _store.AddAsync("m1", Policy, [new(T0, 1), new(T0.AddSeconds(30), 3), new(T0.AddMinutes(1), 5)], "b1", CancellationToken.None);

        var points = await _store.GetAsync(new SeriesQuery("m1", Policy, "mean"), CancellationToken.None);

        points.ShouldBe([
            new AggregatedPoint(T0, TimeSpan.FromHours(1), 3),
            new AggregatedPoint(T0, Minute, 2),
            new AggregatedPoint(T0.AddMinutes(1), Minute, 5),
        ]);
    }

    [Fact]
    public async Task AddAsync_SameBatchTwice_AppliedOnce()
    {
        await _store.AddAsync("m1", Policy, [new(T0, 1)], "b1", CancellationToken.None);
        await _store.AddAsync("m1", Policy, [new(T0, 1)], "b1", CancellationToken.None);

        (await _store.GetAsync(new SeriesQuery("m1", Policy, "count", Minute), CancellationToken.None)).Single().Value.ShouldBe(1);
    }

    [Fact]
    public async Task AddAsync_ConcurrentWriters_NoMeasureLost()
    {
        await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            _store.AddAsync("m1", Policy, [new(T0.AddSeconds(i), 1)], $"w{i}", CancellationToken.None)));

        (await _store.GetAsync(new SeriesQuery("m1", Policy, "count", Minute), CancellationToken.None)).Single().Value.ShouldBe(8);
    }

    [Fact]
    public async Task GetAsync_Retention_KeepsTheNewestPointsOfEachResolution()
    {
        // Three hours of one measure a minute: the minute resolution keeps 60 buckets, the hour one all three.
        var measures = Enumerable.Range(0, 180).Select(i => new Measure(T0.AddMinutes(i), i)).ToList();
        await _store.AddAsync("m1", Policy, measures, "b1", CancellationToken.None);

        var minutes = await _store.GetAsync(new SeriesQuery("m1", Policy, "max", Minute), CancellationToken.None);
        var hours = await _store.GetAsync(new SeriesQuery("m1", Policy, "max", TimeSpan.FromHours(1)), CancellationToken.None);

        minutes.Count.ShouldBe(60);
        minutes[0].Timestamp.ShouldBe(T0.AddMinutes(120));
        hours.Select(p => p.Value).ShouldBe([59.0, 119.0, 179.0]);
    }

    [Fact]
    public async Task GetAsync_StartStop_RateUsesTheMeasureBeforeStart()
    {
        // A counter growing by 60 a minute, one measure a minute, sent in two batches out of order.
        var measures = Enumerable.Range(0, 30).Select(i => new Measure(T0.AddMinutes(i), i * 60.0)).ToList();
        await _store.AddAsync("m1", Policy, measures.Skip(15).ToList(), "late", CancellationToken.None);
        await _store.AddAsync("m1", Policy, measures.Take(15).ToList(), "early", CancellationToken.None);

        var points = await _store.GetAsync(new SeriesQuery("m1", Policy, "rate:mean", Minute, T0.AddMinutes(10), T0.AddMinutes(20)), CancellationToken.None);

        points.Count.ShouldBe(10);
        points[0].Timestamp.ShouldBe(T0.AddMinutes(10));
        points.ShouldAllBe(p => p.Value == 60);
    }

    [Fact]
    public async Task GetAsync_UnknownGranularityOrMethod_Throws()
    {
        await Should.ThrowAsync<UnknownGranularityException>(() => _store.GetAsync(new SeriesQuery("m1", Policy, "mean", TimeSpan.FromSeconds(5)), CancellationToken.None));
        await Should.ThrowAsync<UnknownAggregationException>(() => _store.GetAsync(new SeriesQuery("m1", Policy, "sum"), CancellationToken.None));
    }

    [Fact]
    public async Task AddAsync_ADayInOneBatch_SplitsIntoTransactionsAndDeleteRemovesAll()
    {
        var day = Enumerable.Range(0, 1440 * 4).Select(i => new Measure(T0.AddSeconds(i * 15), 1)).ToList();
        var wide = new ArchivePolicy("wide", 0, [new(TimeSpan.FromSeconds(1), 86400)], ["count"]);

        await _store.AddAsync("m2", wide, day, "day", CancellationToken.None);

        (await _store.GetAsync(new SeriesQuery("m2", wide, "count"), CancellationToken.None)).Count.ShouldBe(1440 * 4);
        await _store.DeleteAsync("m2", CancellationToken.None);
        (await _store.GetAsync(new SeriesQuery("m2", wide, "count"), CancellationToken.None)).ShouldBeEmpty();
    }
}

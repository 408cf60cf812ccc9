using Azure.Data.Tables;
using FuncCloud.Shared.Rating;
using FuncCloud.Shared.Storage;
using FuncCloud.Testing;
using Shouldly;
using Xunit;

namespace FuncCloud.Durable.Tests.Rating;

/// <summary>The volume / floating IP lifecycle index against Azurite: start, size steps, end, the window pushed into the query.</summary>
public sealed class ResourceUsageIndexTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private ResourceUsageIndex _index = null!;

    public async Task InitializeAsync()
    {
        var connection = (await AzuriteServer.GetAsync()).ConnectionString;
        _index = new ResourceUsageIndex(new TableServiceClient(connection), new StorageNames("r" + Guid.NewGuid().ToString("N")[..10]));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Lifecycle_StartResizeEnd_GibHoursFollowTheSteps()
    {
        await _index.StartAsync(UsageKinds.Volume, "p1", "v1", "data", 10, T0, CancellationToken.None);
        await _index.StartAsync(UsageKinds.Volume, "p1", "v1", "data", 99, T0.AddHours(5), CancellationToken.None); // a repeat keeps the first
        await _index.ChangeAsync(UsageKinds.Volume, "p1", "v1", 20, T0.AddHours(2), CancellationToken.None);
        await _index.ChangeAsync(UsageKinds.Volume, "p1", "v1", 20, T0.AddHours(3), CancellationToken.None);  // unchanged: no step
        await _index.EndAsync(UsageKinds.Volume, "p1", "v1", T0.AddHours(4), CancellationToken.None);
        await _index.ChangeAsync(UsageKinds.Volume, "p1", "v1", 50, T0.AddHours(5), CancellationToken.None);  // after the end: ignored
        await _index.EndAsync(UsageKinds.Volume, "p1", "v1", T0.AddHours(6), CancellationToken.None);         // a repeat keeps the first

        var volume = (await _index.QueryAsync("p1", UsageKinds.Volume, T0, T0.AddDays(1), CancellationToken.None)).ShouldHaveSingleItem();

        volume.Steps.Select(s => (s.At, s.Quantity)).ShouldBe([(T0, 10.0), (T0.AddHours(2), 20.0)]);
        volume.EndedAt.ShouldBe(T0.AddHours(4));
        volume.QuantityHours(T0, T0.AddDays(1)).ShouldBe((10 * 2) + (20 * 2), 1e-9);
        volume.QuantityHours(T0.AddHours(1), T0.AddHours(3)).ShouldBe(10 + 20, 1e-9);
        volume.Hours(T0.AddMinutes(30), T0.AddDays(1)).ShouldBe(3.5, 1e-9);
    }

    [Fact]
    public async Task QueryAsync_Window_KeepsTheKindAndProjectActiveInIt()
    {
        await _index.StartAsync(UsageKinds.FloatingIp, "p1", "running", "203.0.113.5", 1, T0, CancellationToken.None);
        await _index.StartAsync(UsageKinds.FloatingIp, "p1", "ended-before", null, 1, T0, CancellationToken.None);
        await _index.EndAsync(UsageKinds.FloatingIp, "p1", "ended-before", T0.AddMinutes(30), CancellationToken.None);
        await _index.StartAsync(UsageKinds.FloatingIp, "p1", "later", null, 1, T0.AddDays(2), CancellationToken.None);
        await _index.StartAsync(UsageKinds.Volume, "p1", "a-volume", null, 1, T0, CancellationToken.None);
        await _index.StartAsync(UsageKinds.FloatingIp, "p2", "other-project", null, 1, T0, CancellationToken.None);

        var ips = await _index.QueryAsync("p1", UsageKinds.FloatingIp, T0.AddHours(1), T0.AddDays(1), CancellationToken.None);

        ips.Select(r => r.ResourceId).ShouldBe(["running"]);
        ips[0].Name.ShouldBe("203.0.113.5");
        ips[0].Hours(T0.AddHours(1), T0.AddDays(1)).ShouldBe(23, 1e-9);
    }

    [Fact]
    public async Task ChangeAsync_ConcurrentResizes_NoStepIsLost()
    {
        await _index.StartAsync(UsageKinds.Volume, "p3", "v", null, 1, T0, CancellationToken.None);

        await Task.WhenAll(Enumerable.Range(2, 8).Select(size => _index.ChangeAsync(UsageKinds.Volume, "p3", "v", size, T0.AddHours(size), CancellationToken.None)));

        var volume = (await _index.QueryAsync("p3", UsageKinds.Volume, T0, T0.AddDays(1), CancellationToken.None)).ShouldHaveSingleItem();
        volume.Steps.Select(s => s.Quantity).Order().ShouldBe([1.0, 2, 3, 4, 5, 6, 7, 8, 9]);
    }
}

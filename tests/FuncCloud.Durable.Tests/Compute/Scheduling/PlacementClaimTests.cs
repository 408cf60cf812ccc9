using Azure.Data.Tables;
using FuncCloud.Shared.Compute.Placement;
using FuncCloud.Shared.Storage;
using FuncCloud.Testing;
using Shouldly;
using Xunit;

namespace FuncCloud.Durable.Tests.Compute.Scheduling;

/// <summary>The claim compare-and-swap against Azurite: racing claims never over-commit a node.</summary>
public sealed class PlacementClaimTests : IAsyncLifetime
{
    private static readonly NodeInventory Room = new(Vcpus: 16, MemoryMb: 4096, DiskGb: 100);
    private PlacementService _placement = null!;

    public async Task InitializeAsync()
    {
        var connection = (await AzuriteServer.GetAsync()).ConnectionString;
        _placement = new PlacementService(new TableServiceClient(connection), new StorageNames("p" + Guid.NewGuid().ToString("N")[..10]));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ClaimAsync_SecondClaimForTheLastRoomConcurrently_ExactlyOneWins()
    {
        await _placement.ClaimAsync("n1", Room, "resident", new ResourceAmounts(1, 2048, 10), CancellationToken.None);

        var racing = await Task.WhenAll(
            _placement.ClaimAsync("n1", Room, "first", new ResourceAmounts(1, 2048, 10), CancellationToken.None),
            _placement.ClaimAsync("n1", Room, "second", new ResourceAmounts(1, 2048, 10), CancellationToken.None));

        racing.Count(r => r.Claimed).ShouldBe(1);
        racing.Single(r => !r.Claimed).Reason.ShouldBe("needs 2048 MB RAM, n1 has 0 MB free");
        var usage = await _placement.GetUsageAsync("n1", CancellationToken.None);
        usage.Used.MemoryMb.ShouldBe(4096);
        usage.Allocations.Count.ShouldBe(2);
    }

    [Fact]
    public async Task ClaimAsync_TwentyConcurrentForRoomOfEight_EightClaimedNothingOverCommitted()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            _placement.ClaimAsync("n2", Room, $"s{i}", new ResourceAmounts(1, 512, 1), CancellationToken.None)));

        results.Count(r => r.Claimed).ShouldBe(8);
        var usage = await _placement.GetUsageAsync("n2", CancellationToken.None);
        usage.Used.MemoryMb.ShouldBe(4096);
        usage.Allocations.Keys.ShouldBe(results.Select((r, i) => (r, i)).Where(x => x.r.Claimed).Select(x => $"s{x.i}"), ignoreOrder: true);
    }

    [Fact]
    public async Task ClaimAsync_SameConsumerTwice_ClaimsOnce()
    {
        var amounts = new ResourceAmounts(2, 1024, 5);

        (await _placement.ClaimAsync("n3", Room, "s1", amounts, CancellationToken.None)).Claimed.ShouldBeTrue();
        (await _placement.ClaimAsync("n3", Room, "s1", amounts, CancellationToken.None)).Claimed.ShouldBeTrue();

        (await _placement.GetUsageAsync("n3", CancellationToken.None)).Used.ShouldBe(amounts);
    }
}

using System.Text.Json;
using Azure.Data.Tables;
using FuncCloud.Shared.Storage;
using FuncCloud.Testing;
using Shouldly;
using Xunit;

namespace FuncCloud.Durable.Tests.Storage;

/// <summary>The stores' read-change-swap loops against Azurite: lost races re-apply, nothing is lost or double-written.</summary>
public sealed class CompareAndSwapTests : IAsyncLifetime
{
    private const string Partition = "counter";
    private static readonly CasRetry Retry = new(50, _ => Random.Shared.Next(1, 10));
    private DocumentTable _table = null!;

    public async Task InitializeAsync()
    {
        var connection = (await AzuriteServer.GetAsync()).ConnectionString;
        _table = new DocumentTable(new TableServiceClient(connection), new StorageNames("c" + Guid.NewGuid().ToString("N")[..10]), "Cas", JsonSerializerOptions.Web);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task UpdateAsync_MissingDocument_ReturnsNullWithoutCallingChange()
    {
        var called = false;

        var result = await _table.UpdateAsync<Counter>(Partition, "none", c => { called = true; return c; }, Retry, CancellationToken.None);

        result.ShouldBeNull();
        called.ShouldBeFalse();
    }

    [Fact]
    public async Task UpdateAsync_ChangeReturnsNull_WritesNothingAndReturnsCurrent()
    {
        await _table.InsertAsync(Partition, "a", new Counter("a", 1), null, CancellationToken.None);
        var before = (await _table.GetAsync<Counter>(Partition, "a", CancellationToken.None))!.ETag;

        var result = await _table.UpdateAsync<Counter>(Partition, "a", _ => null, Retry, CancellationToken.None);

        result.ShouldBe(new Counter("a", 1));
        (await _table.GetAsync<Counter>(Partition, "a", CancellationToken.None))!.ETag.ShouldBe(before);
    }

    [Fact]
    public async Task UpdateAsync_ConcurrentIncrements_EveryIncrementLands()
    {
        await _table.InsertAsync(Partition, "a", new Counter("a", 0), null, CancellationToken.None);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            _table.UpdateAsync<Counter>(Partition, "a", c => c with { Value = c.Value + 1 }, Retry, CancellationToken.None)));

        (await _table.GetAsync<Counter>(Partition, "a", CancellationToken.None))!.Value.Value.ShouldBe(8);
    }

    [Fact]
    public async Task UpdateAsync_UniqueKeyChanges_MovesTheKey()
    {
        await _table.InsertAsync(Partition, "a", new Counter("old", 0), "old", CancellationToken.None);

        await _table.UpdateAsync<Counter>(Partition, "a", c => c with { Name = "new" }, Retry, CancellationToken.None, c => c.Name);

        (await _table.FindByKeyAsync(Partition, "old", CancellationToken.None)).ShouldBeNull();
        (await _table.FindByKeyAsync(Partition, "new", CancellationToken.None)).ShouldBe("a");
    }

    [Fact]
    public async Task UpdateAsync_OnlyOneAttemptAndARaceLost_ThrowsConcurrency()
    {
        await _table.InsertAsync(Partition, "a", new Counter("a", 0), null, CancellationToken.None);

        await Should.ThrowAsync<ConcurrencyException>(() => _table.UpdateAsync<Counter>(Partition, "a", c =>
        {
            // Another writer lands between this read and its swap.
            Task.Run(() => _table.UpsertAsync<Counter>(Partition, "a", o => o! with { Value = 100 }, Retry, CancellationToken.None)).GetAwaiter().GetResult();
            return c with { Value = c.Value + 1 };
        }, new CasRetry(1), CancellationToken.None));
        (await _table.GetAsync<Counter>(Partition, "a", CancellationToken.None))!.Value.Value.ShouldBe(100);
    }

    [Fact]
    public async Task UpsertAsync_ConcurrentFirstWrites_OneCreatesAndAllLand()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            _table.UpsertAsync<Counter>(Partition, "b", c => new Counter("b", (c?.Value ?? 0) + 1), Retry, CancellationToken.None)));

        results.Count(r => r.Created).ShouldBe(1);
        (await _table.GetAsync<Counter>(Partition, "b", CancellationToken.None))!.Value.Value.ShouldBe(6);
    }

    [Fact]
    public async Task UpsertAsync_ChangeReturnsNull_CreatesNothing()
    {
        var (value, created) = await _table.UpsertAsync<Counter>(Partition, "c", _ => null, Retry, CancellationToken.None);

        value.ShouldBeNull();
        created.ShouldBeFalse();
        (await _table.GetAsync<Counter>(Partition, "c", CancellationToken.None)).ShouldBeNull();
    }

    private sealed record Counter(string Name, int Value);
}

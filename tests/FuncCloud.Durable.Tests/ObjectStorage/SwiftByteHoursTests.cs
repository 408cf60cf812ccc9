using Azure.Data.Tables;
using FuncCloud.Shared.ObjectStorage;
using FuncCloud.Shared.Storage;
using FuncCloud.Testing;
using Shouldly;
using Xunit;

namespace FuncCloud.Durable.Tests.ObjectStorage;

/// <summary>An account's byte-hours (the step function written with its totals) against Azurite.</summary>
public sealed class SwiftByteHoursTests : IAsyncLifetime
{
    private const double GiB = 1024.0 * 1024 * 1024;
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private SwiftStore _store = null!;

    public async Task InitializeAsync()
    {
        var connection = (await AzuriteServer.GetAsync()).ConnectionString;
        _store = new SwiftStore(new SwiftTable(new TableServiceClient(connection), new StorageNames("s" + Guid.NewGuid().ToString("N")[..10])));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task GibHoursAsync_PutsAndDeletesOverHours_IntegratesTheTotals()
    {
        await _store.PutContainerAsync("AUTH_p", "c", _ => Container(T0), CancellationToken.None);
        await PutAsync("a", 1L << 30, T0.AddMinutes(30));            // 1 GiB from 00:30
        await PutAsync("b", 2L << 30, T0.AddHours(2));               // 3 GiB from 02:00
        await PutAsync("b", 1L << 30, T0.AddHours(2).AddSeconds(20)); // same minute: 2 GiB from 02:00
        await _store.DeleteObjectAsync("AUTH_p", "c", "a", T0.AddHours(5), CancellationToken.None); // 1 GiB from 05:00

        (await _store.GibHoursAsync("AUTH_p", T0, T0.AddHours(6), CancellationToken.None)).ShouldBe(1.5 + (2 * 3) + 1, 1e-9);
        (await _store.GibHoursAsync("AUTH_p", T0.AddHours(3), T0.AddHours(4), CancellationToken.None)).ShouldBe(2, 1e-9);   // no change in the window: the total before it
        (await _store.GibHoursAsync("AUTH_p", T0.AddDays(3), T0.AddDays(4), CancellationToken.None)).ShouldBe(24, 1e-9);    // days later: still 1 GiB
        (await _store.GibHoursAsync("AUTH_p", T0.AddDays(-1), T0, CancellationToken.None)).ShouldBe(0);                      // before anything
        (await _store.GibHoursAsync("AUTH_other", T0, T0.AddHours(6), CancellationToken.None)).ShouldBe(0);

        var account = (await _store.GetAccountAsync("AUTH_p", CancellationToken.None))!.Value;
        account.BytesUsed.ShouldBe(1L << 30);
        account.ContainerCount.ShouldBe(1);
        account.ObjectCount.ShouldBe(1);
    }

    private Task PutAsync(string name, long size, DateTimeOffset at) =>
        _store.PutObjectAsync("AUTH_p", "c", new ObjectRecord(name, null, size, "etag", "application/octet-stream", at, new Dictionary<string, string>()), null, CancellationToken.None);

    private static ContainerRecord Container(DateTimeOffset at) => new("c", at, at, new Dictionary<string, string>(), null, null, null, null, 0, 0);
}

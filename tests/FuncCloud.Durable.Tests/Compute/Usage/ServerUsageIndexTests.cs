using Azure.Data.Tables;
using FuncCloud.Shared.Compute.Usage;
using FuncCloud.Shared.Storage;
using FuncCloud.Testing;
using Shouldly;
using Xunit;

namespace FuncCloud.Durable.Tests.Compute.Usage;

/// <summary>The usage index against Azurite: nova's window filter pushed into the query, (project, id) order, paging.</summary>
public sealed class ServerUsageIndexTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private ServerUsageIndex _index = null!;

    public async Task InitializeAsync()
    {
        var connection = (await AzuriteServer.GetAsync()).ConnectionString;
        _index = new ServerUsageIndex(new TableServiceClient(connection), new StorageNames("u" + Guid.NewGuid().ToString("N")[..10]));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task QueryAsync_Window_KeepsOnlyServersActiveInIt()
    {
        await PutAsync("p1", "a", T0, null);                       // running
        await PutAsync("p1", "b", T0, T0.AddHours(2));             // ended in the window
        await PutAsync("p1", "c", T0, T0.AddMinutes(30));          // ended before the window
        await PutAsync("p1", "d", T0.AddDays(2), null);            // launched after the window
        await PutAsync("p1", "e", null, null);                     // never launched
        await PutAsync("p2", "f", T0, null);                       // another project

        var rows = await _index.QueryAsync("p1", T0.AddHours(1), T0.AddDays(1), null, 1000, CancellationToken.None);

        rows.Select(r => r.ServerId).ShouldBe(["a", "b"]);
        (await _index.QueryAsync(null, T0.AddHours(1), T0.AddDays(1), null, 1000, CancellationToken.None)).Select(r => r.ServerId).ShouldBe(["a", "b", "f"]);
    }

    [Fact]
    public async Task QueryAsync_MarkerAndLimit_ContinueInProjectThenIdOrder()
    {
        await PutAsync("p2", "x", T0, null);
        await PutAsync("p1", "b", T0, null);
        await PutAsync("p1", "a", T0, null);

        var first = await _index.QueryAsync(null, T0, T0.AddDays(1), null, 2, CancellationToken.None);
        var rest = await _index.QueryAsync(null, T0, T0.AddDays(1), new UsageMarker("p1", "b"), 2, CancellationToken.None);

        first.Select(r => r.ServerId).ShouldBe(["a", "b"]);
        rest.Select(r => r.ServerId).ShouldBe(["x"]);
    }

    [Fact]
    public async Task PutAsync_Unchanged_WritesNothing_DeleteForgets()
    {
        var row = await PutAsync("p1", "a", T0, null);
        await _index.PutAsync(row, row, CancellationToken.None);
        await _index.PutAsync(row, row with { TerminatedAt = T0.AddHours(1) }, CancellationToken.None);

        (await _index.QueryAsync("p1", T0.AddHours(2), T0.AddDays(1), null, 10, CancellationToken.None)).ShouldBeEmpty();
        await _index.DeleteAsync("p1", "a", CancellationToken.None);
        (await _index.QueryAsync("p1", T0, T0.AddDays(1), null, 10, CancellationToken.None)).ShouldBeEmpty();
    }

    private async Task<ServerUsageRecord> PutAsync(string project, string id, DateTimeOffset? launched, DateTimeOffset? terminated)
    {
        var row = new ServerUsageRecord(id, project, id, "m1.tiny", 1, 512, 1, terminated is null ? "active" : "deleted", launched, terminated);
        await _index.PutAsync(null, row, CancellationToken.None);
        return row;
    }
}

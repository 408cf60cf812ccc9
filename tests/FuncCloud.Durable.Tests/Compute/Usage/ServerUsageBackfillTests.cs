using Azure.Data.Tables;
using FuncCloud.Shared.Compute.Servers;
using FuncCloud.Shared.Compute.Usage;
using FuncCloud.Shared.Storage;
using FuncCloud.Testing;
using Shouldly;
using Xunit;

namespace FuncCloud.Durable.Tests.Compute.Usage;

/// <summary>
/// Servers from before the usage index (rows missing) get their usage rows from one idempotent backfill, so
/// <c>os-simple-tenant-usage</c> counts them; a row the repository wrote is never overwritten.
/// </summary>
public sealed class ServerUsageBackfillTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly ServerFlavor Tiny = new("1", "m1.tiny", 1, 512, 1, 0, 0, new Dictionary<string, string>());
    private TableServiceClient _tables = null!;
    private StorageNames _names = null!;
    private ServerRepository _servers = null!;
    private ServerUsageIndex _index = null!;

    public async Task InitializeAsync()
    {
        _tables = new TableServiceClient((await AzuriteServer.GetAsync()).ConnectionString);
        _names = new StorageNames("b" + Guid.NewGuid().ToString("N")[..10]);
        _servers = new ServerRepository(_tables, _names);
        _index = new ServerUsageIndex(_tables, _names);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task EnsureAsync_ServersWithoutUsageRows_AreCountedOnceAndNewerRowsKept()
    {
        var old = await InsertWithoutUsageRowAsync("p1", T0, T0.AddHours(3));
        var running = await InsertWithoutUsageRowAsync("p1", T0.AddHours(1), null);
        var other = await InsertWithoutUsageRowAsync("p2", T0, null);
        // A server the repository tracks already, changed after the index existed: its row is the truth.
        var tracked = await InsertWithoutUsageRowAsync("p1", T0, null);
        await _servers.UpdateAsync(tracked.Id, s => s with { TerminatedAt = T0.AddHours(2), VmState = VmStates.Deleted }, CancellationToken.None);
        (await _index.QueryAsync("p1", T0, T0.AddDays(1), null, 1000, CancellationToken.None)).Select(r => r.ServerId).ShouldBe([tracked.Id]);

        var backfill = new ServerUsageBackfill(_servers, _index);
        await backfill.EnsureAsync(CancellationToken.None);
        await backfill.EnsureAsync(CancellationToken.None);
        await new ServerUsageBackfill(_servers, _index).EnsureAsync(CancellationToken.None); // another process: the marker says done

        var rows = await _index.QueryAsync("p1", T0, T0.AddDays(1), null, 1000, CancellationToken.None);
        rows.Select(r => r.ServerId).Order(StringComparer.Ordinal).ShouldBe(new[] { old.Id, running.Id, tracked.Id }.Order(StringComparer.Ordinal));
        rows.Single(r => r.ServerId == tracked.Id).TerminatedAt.ShouldBe(T0.AddHours(2));
        var usage = TenantUsageCalculator.Summarize(rows, T0, T0.AddHours(4), T0.AddHours(4)).ShouldHaveSingleItem();
        usage.TotalHours.ShouldBe(3 + 3 + 2, 1e-9);
        (await _index.QueryAsync("p2", T0, T0.AddDays(1), null, 1000, CancellationToken.None)).Select(r => r.ServerId).ShouldBe([other.Id]);
        (await _index.QueryAsync(null, T0, T0.AddDays(1), null, 1000, CancellationToken.None)).Count.ShouldBe(4); // the marker is in no window
        (await backfill.RunAsync(CancellationToken.None)).ShouldBe(0); // idempotent: nothing left to add
    }

    private async Task<ServerRecord> InsertWithoutUsageRowAsync(string project, DateTimeOffset launched, DateTimeOffset? terminated)
    {
        var server = new ServerRecord
        {
            Id = Guid.NewGuid().ToString(),
            ProjectId = project,
            UserId = "u",
            Name = "s",
            Flavor = Tiny,
            ImageId = Guid.Empty.ToString(),
            CreatedAt = launched,
            UpdatedAt = launched,
            ReservationId = "r-1",
            VmState = terminated is null ? VmStates.Active : VmStates.Deleted,
            TaskState = null,
            LaunchedAt = launched,
            TerminatedAt = terminated,
        };
        await _servers.InsertAsync(server, CancellationToken.None);
        await _index.DeleteAsync(project, server.Id, CancellationToken.None); // as if it predated the index
        return server;
    }
}

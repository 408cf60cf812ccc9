using System.Text.Json;
using Azure.Data.Tables;
using FuncCloud.Shared.Compute.Quotas;
using FuncCloud.Shared.Compute.Servers;
using FuncCloud.Shared.OpenStack;
using FuncCloud.Shared.Storage;
using FuncCloud.Testing;
using Shouldly;
using Xunit;

namespace FuncCloud.Durable.Tests.Compute.Quotas;

/// <summary>
/// The per-project usage counters against Azurite: rebuilt from the rows (deleted ones not counted) when
/// missing, moved by deletes and resizes, and a reservation at the limit under concurrency never exceeds it.
/// </summary>
public sealed class ComputeUsageCountersTests : IAsyncLifetime
{
    private static readonly ServerFlavor Small = new("2", "m1.small", 2, 2048, 20, 0, 0, new Dictionary<string, string>());
    private static readonly ServerFlavor Large = new("4", "m1.large", 4, 8192, 80, 0, 0, new Dictionary<string, string>());
    private TableServiceClient _tables = null!;
    private StorageNames _names = null!;
    private ServerRepository _servers = null!;
    private ComputeUsageCounters _usage = null!;

    public async Task InitializeAsync()
    {
        _tables = new TableServiceClient((await AzuriteServer.GetAsync()).ConnectionString);
        _names = new StorageNames("quc" + Guid.NewGuid().ToString("N")[..10]);
        _servers = new ServerRepository(_tables, _names);
        _usage = new ComputeUsageCounters(_tables, _names);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task GetUsageAsync_CounterMissing_RebuiltFromRowsWithoutDeletedAndStored()
    {
        // Rows written as before counters existed: no counter row, one server deleted, another project's row.
        var table = _tables.GetTableClient(_names.Table(ServerRepository.TableName));
        await table.CreateIfNotExistsAsync();
        foreach (var server in new[] { Server("p1"), Server("p1"), Server("p1") with { VmState = VmStates.Deleted }, Server("p2") })
        {
            await table.AddEntityAsync(new TableEntity("server", "i:" + server.Id) { ["Data"] = JsonSerializer.Serialize(server, OpenStackJson.Storage) });
        }

        (await _usage.GetUsageAsync("p1", CancellationToken.None)).ShouldBe(new ComputeUsage(2, 4, 4096));

        // From now on the counter is what is read: a row added behind its back is not counted.
        var late = Server("p1");
        await table.AddEntityAsync(new TableEntity("server", "i:" + late.Id) { ["Data"] = JsonSerializer.Serialize(late, OpenStackJson.Storage) });
        (await _usage.GetUsageAsync("p1", CancellationToken.None)).ShouldBe(new ComputeUsage(2, 4, 4096));
    }

    [Fact]
    public async Task ServerRepository_DeleteAndResize_MoveTheCounter()
    {
        var server = Server("p3");
        await _usage.ReserveAsync("p3", ComputeUsage.Of(server), _ => { }, CancellationToken.None);
        await _servers.InsertAsync(server, CancellationToken.None, reserved: true);
        (await _usage.GetUsageAsync("p3", CancellationToken.None)).ShouldBe(new ComputeUsage(1, 2, 2048));

        await _servers.UpdateAsync(server.Id, s => s with { Flavor = Large, OldFlavor = Small }, CancellationToken.None);
        (await _usage.GetUsageAsync("p3", CancellationToken.None)).ShouldBe(new ComputeUsage(1, 4, 8192));

        await _servers.UpdateAsync(server.Id, s => s with { VmState = VmStates.Deleted }, CancellationToken.None);
        (await _usage.GetUsageAsync("p3", CancellationToken.None)).ShouldBe(ComputeUsage.None);
    }

    [Fact]
    public async Task ReserveAsync_ThirtyConcurrentAgainstLimitOfTen_ExactlyTenFit()
    {
        var second = new ComputeUsageCounters(_tables, _names); // another replica's instance, same rows
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 30).Select(async i =>
        {
            try
            {
                await (i % 2 == 0 ? _usage : second).ReserveAsync("p4", new ComputeUsage(1, 2, 2048), current =>
                {
                    if (current.Instances + 1 > 10)
                    {
                        throw new InvalidOperationException("over quota");
                    }
                }, CancellationToken.None);
                return true;
            }
            catch (InvalidOperationException)
            {
                return false;
            }
        }));

        outcomes.Count(o => o).ShouldBe(10);
        (await _usage.GetUsageAsync("p4", CancellationToken.None)).ShouldBe(new ComputeUsage(10, 20, 20480));
    }

    private static ServerRecord Server(string project) => new()
    {
        Id = Guid.NewGuid().ToString(),
        ProjectId = project,
        UserId = "u",
        Name = "s",
        Flavor = Small,
        ImageId = Guid.Empty.ToString(),
        CreatedAt = DateTimeOffset.UtcNow,
        UpdatedAt = DateTimeOffset.UtcNow,
        ReservationId = "r-1",
        VmState = VmStates.Active,
        TaskState = null,
    };
}

using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using FuncCloud.Shared.Compute.Quotas;
using FuncCloud.Shared.Compute.Servers;
using FuncCloud.Shared.OpenStack;
using FuncCloud.Shared.Storage;
using FuncCloud.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FuncCloud.Benchmarks.Scale;

/// <summary>
/// <c>./funccloud bench create [--servers 10,100,1000,10000,100000] [--samples 30]</c>: grows one project to N
/// server rows (seeded straight into the table, 100 per entity-group transaction; one in ten deleted) and, at each
/// size, times what a create pays that depends on N: the quota reservation (nova's check + claim, here a
/// compare-and-swap on the project's usage counter) and the first page of the project's server list
/// (<c>GET /v2.1/servers?limit=50</c> and <c>/servers/detail?limit=50</c>), plus rebuilding a lost counter and the
/// store write of a server (its document, list index rows and usage rows: <see cref="ServerRepository.InsertAsync"/>).
/// Seeded rows carry their list index rows, as the repository writes them.
/// </summary>
public static class CreateBenchmark
{
    private static readonly ServerFlavor Tiny = new("1", "m1.tiny", 1, 512, 1, 0, 0, new Dictionary<string, string>());

    public static async Task<int> RunAsync(Dictionary<string, string> options)
    {
        var sizes = options.GetValueOrDefault("servers", "10,100,1000,10000,100000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
        var samples = int.Parse(options.GetValueOrDefault("samples", "30"), CultureInfo.InvariantCulture);
        await using var host = await Monitor.MonitorBenchmarkHost.StartAsync();
        var token = await host.TokenAsync("admin", IdentityHostFixture.AdminPassword, "admin");
        using var client = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromMinutes(10) };
        client.DefaultRequestHeaders.Add("X-Auth-Token", token);
        var project = await ProjectOfAsync(client, token);
        var tables = host.Services.GetRequiredService<TableServiceClient>();
        var names = host.Services.GetRequiredService<StorageNames>();
        var table = tables.GetTableClient(names.Table(ServerRepository.TableName));
        await table.CreateIfNotExistsAsync();
        var quota = host.Services.GetRequiredService<IComputeQuotaService>();
        var repository = host.Services.GetRequiredService<ServerRepository>();
        var documents = new DocumentTable(tables, names, ServerRepository.TableName, OpenStackJson.Storage);
        using (var unlimited = await client.PutAsJsonAsync($"/compute/v2.1/os-quota-sets/{project}", new { quota_set = new { instances = -1, cores = -1, ram = -1 } }))
        {
            unlimited.EnsureSuccessStatusCode();
        }

        var rows = new List<string>();
        var seeded = 0;
        foreach (var size in sizes)
        {
            var watch = Stopwatch.StartNew();
            await SeedAsync(table, documents, project, seeded, size);
            seeded = size;
            Console.Error.WriteLine($"{size} server rows in the project ({watch.Elapsed.TotalSeconds:F1} s to seed)");

            // The counter row gone (servers from before counters): the first check rebuilds it from the rows.
            await table.DeleteEntityAsync("usage", "i:" + project);
            var rebuild = await TimeAsync(() => quota.ReserveInstancesAsync(project, new ComputeQuotaRequest(1, 1, 512), CancellationToken.None));
            await quota.ReleaseInstancesAsync(project, new ComputeQuotaRequest(1, 1, 512), CancellationToken.None);

            var reserve = new List<double>();
            for (var i = 0; i < samples; i++)
            {
                reserve.Add(await TimeAsync(() => quota.ReserveInstancesAsync(project, new ComputeQuotaRequest(1, 1, 512), CancellationToken.None)));
                await quota.ReleaseInstancesAsync(project, new ComputeQuotaRequest(1, 1, 512), CancellationToken.None);
            }

            var insert = new List<double>();
            for (var i = 0; i < samples; i++)
            {
                var server = Server(project, $"probe-{i}", VmStates.Building, DateTimeOffset.UtcNow);
                insert.Add(await TimeAsync(() => repository.InsertAsync(server, CancellationToken.None)));
                await repository.PurgeAsync(server.Id, CancellationToken.None);
            }

            var list = new List<double>();
            var detail = new List<double>();
            for (var i = 0; i < Math.Min(samples, 10); i++)
            {
                list.Add(await TimeAsync(() => GetAsync(client, "/compute/v2.1/servers?limit=50")));
                detail.Add(await TimeAsync(() => GetAsync(client, "/compute/v2.1/servers/detail?limit=50")));
            }

            rows.Add(string.Create(CultureInfo.InvariantCulture,
                $"| {size:N0} | {Mean(reserve):F1} | {P95(reserve):F1} | {rebuild:F0} | {Mean(insert):F1} | {P95(insert):F1} | {Mean(list):F1} | {P95(list):F1} | {Mean(detail):F1} | {P95(detail):F1} |"));
            Console.WriteLine(rows[^1]);
        }

        Console.WriteLine();
        Console.WriteLine($"create-path costs that depend on the project's server count ({samples} quota reservations, {Math.Min(samples, 10)} list pages per size):");
        Console.WriteLine("| servers in project | quota reserve mean ms | p95 ms | counter rebuild ms | server insert mean ms | p95 ms | list limit=50 mean ms | p95 ms | detail limit=50 mean ms | p95 ms |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        rows.ForEach(Console.WriteLine);
        return 0;
    }

    // 20 servers per entity-group transaction: each is its document and its four list index rows.
    private static async Task SeedAsync(TableClient table, DocumentTable documents, string project, int from, int to)
    {
        var now = DateTimeOffset.UtcNow;
        var batches = Enumerable.Range(from, to - from).Chunk(20);
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (batch, ct) =>
        {
            var actions = batch.SelectMany(i =>
            {
                var server = Server(project, $"server-{i:D6}", i % 10 == 9 ? VmStates.Deleted : VmStates.Active, now);
                return ServerListIndex.Changes(documents, "server", null, server)
                    .Prepend(new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("server", "i:" + server.Id) { ["Data"] = JsonSerializer.Serialize(server, OpenStackJson.Storage) }));
            });
            await table.SubmitTransactionAsync(actions, ct);
        });
    }

    private static ServerRecord Server(string project, string name, string vmState, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid().ToString(),
        ProjectId = project,
        UserId = "bench",
        Name = name,
        Flavor = Tiny,
        ImageId = Guid.Empty.ToString(),
        VmState = vmState,
        TaskState = null,
        CreatedAt = now,
        UpdatedAt = now,
        ReservationId = "r-bench",
    };

    private static async Task<string> ProjectOfAsync(HttpClient client, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/identity/v3/auth/tokens");
        request.Headers.Add("X-Subject-Token", token);
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("token").GetProperty("project").GetProperty("id").GetString()!;
    }

    private static async Task GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        response.EnsureSuccessStatusCode();
        await response.Content.ReadAsByteArrayAsync();
    }

    private static async Task<double> TimeAsync(Func<Task> action)
    {
        var watch = Stopwatch.StartNew();
        await action();
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Mean(List<double> values) => values.Average();

    private static double P95(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(0.95 * sorted.Count) - 1)];
    }
}

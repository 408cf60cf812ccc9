using FuncCloud.LocalHost.Hosting;
using FuncCloud.LocalHost.Tests.TestFunctions;
using FuncCloud.Testing;
using Microsoft.DurableTask.Client;
using Xunit;

namespace FuncCloud.LocalHost.Tests.Replicas;

/// <summary>
/// Two LocalHosts with identical settings against the shared Azurite: the same task hub and the same storage
/// prefix, i.e. two replicas of one app. Each has its own <see cref="ReplicaRecorder"/> ("A", "B") writing to
/// one <see cref="Ledger"/>. Partition leases (rows of the hub's Partitions table) are shortened (host.json <c>durableTask.storageProvider</c>
/// <c>partitionLease*</c>) so rebalancing and takeover happen in seconds instead of tens of seconds, and the
/// queue visibility timeouts are 10 s instead of 5 min: control-queue messages a stopped replica had fetched
/// but not processed reappear only after that (see functions/FuncCloud.LocalHost/Durable/README.md, Replicas).
/// </summary>
public sealed class ReplicaPair : IAsyncDisposable
{
    private const string DurableSection = $"{HostJsonConfiguration.Section}:extensions:durableTask";
    private const string QueuesSection = $"{HostJsonConfiguration.Section}:extensions:queues";

    private ReplicaPair(string id, LocalHostInstance a, LocalHostInstance b, ReplicaLedger ledger)
    {
        Id = id;
        A = a;
        B = b;
        Ledger = ledger;
    }

    /// <summary>The storage prefix and hub suffix both replicas share.</summary>
    public string Id { get; }

    /// <summary>Replica "A", started first.</summary>
    public LocalHostInstance A { get; }

    /// <summary>Replica "B".</summary>
    public LocalHostInstance B { get; }

    /// <summary>The work both replicas recorded.</summary>
    public ReplicaLedger Ledger { get; }

    public static DurableTaskClient DurableClient(LocalHostInstance replica) => replica.Services.GetRequiredService<DurableTaskClient>();

    /// <summary>Starts A, then B, with the same settings.</summary>
    public static async Task<ReplicaPair> StartAsync()
    {
        var id = "r" + Guid.NewGuid().ToString("N")[..10];
        var connectionString = (await AzuriteServer.GetAsync()).ConnectionString;
        var settings = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = connectionString,
            ["FuncCloud:Storage:Prefix"] = id,
            [$"{DurableSection}:hubName"] = "hub" + id,
            [$"{DurableSection}:storageProvider:partitionCount"] = "4",
            [$"{DurableSection}:storageProvider:partitionLeaseInterval"] = "00:00:08",
            [$"{DurableSection}:storageProvider:partitionLeaseRenewInterval"] = "00:00:02",
            [$"{DurableSection}:storageProvider:partitionLeaseAcquireInterval"] = "00:00:02",
            [$"{DurableSection}:storageProvider:controlQueueVisibilityTimeout"] = "00:00:10",
            [$"{DurableSection}:storageProvider:workItemQueueVisibilityTimeout"] = "00:00:10",
            [$"{QueuesSection}:maxPollingInterval"] = "00:00:00.500",
            [$"{QueuesSection}:batchSize"] = "8",
            [$"{QueuesSection}:newBatchThreshold"] = "4",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        var ledger = new ReplicaLedger();

        // One probe for both: the provisioning workflow's activity may run on either replica.
        var probe = new DurableProbe();
        Task<LocalHostInstance> Start(string name) =>
            LocalHostInstance.StartAsync([typeof(ReplicaPair).Assembly], settings, builder =>
            {
                builder.Services.AddSingleton(new ReplicaRecorder(name, ledger));
                builder.Services.AddSingleton(probe);
                builder.Services.AddSingleton<EchoCounter>();
            });

        var a = await Start("A");
        try
        {
            return new ReplicaPair(id, a, await Start("B"), ledger);
        }
        catch
        {
            await a.DisposeAsync();
            throw;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
    }
}

/// <summary>A <see cref="ReplicaPair"/> for a test class whose tests leave both replicas running.</summary>
public sealed class ReplicaPairFixture : IAsyncLifetime
{
    private ReplicaPair? _pair;

    public ReplicaPair Pair => _pair ?? throw new InvalidOperationException("The replicas are not started.");

    public async Task InitializeAsync() => _pair = await ReplicaPair.StartAsync();

    public async Task DisposeAsync()
    {
        if (_pair is not null)
        {
            await _pair.DisposeAsync();
        }
    }
}

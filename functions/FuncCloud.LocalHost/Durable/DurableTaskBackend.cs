using DurableTask.AzureStorage;
using DurableTask.Core;
using FuncCloud.LocalHost.Hosting;
using Microsoft.DurableTask;
using Microsoft.Extensions.Options;

namespace FuncCloud.LocalHost.Durable;

/// <summary>
/// The one <see cref="AzureStorageOrchestrationService"/> of this host and the DTFx client over it. The worker
/// and the client share it on purpose: an enqueue through the same service object wakes its own dispatchers,
/// so a start is picked up in tens of milliseconds instead of after the next queue poll.
/// </summary>
public sealed class DurableTaskBackend : IDisposable
{
    /// <summary>Builds the service from host.json's <c>extensions.durableTask</c> settings.</summary>
    /// <exception cref="InvalidOperationException">The storage connection setting is missing.</exception>
    public DurableTaskBackend(IOptions<DurableTaskHostOptions> options, IConfiguration configuration, DataConverter dataConverter, ILoggerFactory loggerFactory)
    {
        var hub = options.Value;
        var connectionName = hub.StorageProvider.ConnectionName;
        var connectionString = configuration[connectionName] ?? configuration.GetConnectionString(connectionName)
            ?? throw new InvalidOperationException($"The durable task storage connection setting '{connectionName}' is not configured.");

        HubName = hub.HubName;
        PartitionCount = hub.StorageProvider.PartitionCount;
        var settings = new AzureStorageOrchestrationServiceSettings
        {
            StorageAccountClientProvider = new StorageAccountClientProvider(connectionString),
            TaskHubName = hub.HubName,
            PartitionCount = hub.StorageProvider.PartitionCount,
            MaxQueuePollingInterval = hub.StorageProvider.MaxQueuePollingInterval,
            LoggerFactory = loggerFactory,

            // DTFx defaults the worker id to the machine name; replicas must not share it, or each would take
            // the other's partition leases for its own. Machine and process are not enough: two hosts in one
            // process (the replica tests, any in-process scale-out) are two workers, so every backend gets its own id.
            WorkerId = hub.StorageProvider.WorkerId ?? $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}",

            // Without this Azure Storage drops a start whose id is taken silently; the caller must know.
            ThrowExceptionOnInvalidDedupeStatus = true,
        };
        var provider = hub.StorageProvider;
        settings.LeaseInterval = provider.PartitionLeaseInterval ?? settings.LeaseInterval;
        settings.LeaseRenewInterval = provider.PartitionLeaseRenewInterval ?? settings.LeaseRenewInterval;
        settings.LeaseAcquireInterval = provider.PartitionLeaseAcquireInterval ?? settings.LeaseAcquireInterval;
        settings.ControlQueueVisibilityTimeout = provider.ControlQueueVisibilityTimeout ?? settings.ControlQueueVisibilityTimeout;
        settings.WorkItemQueueVisibilityTimeout = provider.WorkItemQueueVisibilityTimeout ?? settings.WorkItemQueueVisibilityTimeout;
        WorkerId = settings.WorkerId;
        Service = new AzureStorageOrchestrationService(settings);
        Client = new TaskHubClient(Service, new CoreDataConverter(dataConverter), loggerFactory);
    }

    /// <summary>The task hub name (prefix of the hub's tables, queues and containers).</summary>
    public string HubName { get; }

    /// <summary>This replica's DTFx worker id: the owner name on the partition leases it holds.</summary>
    public string WorkerId { get; }

    /// <summary>Control-queue partitions of the hub.</summary>
    public int PartitionCount { get; }

    /// <summary>The shared orchestration service: the worker's backend and the client's store.</summary>
    public AzureStorageOrchestrationService Service { get; }

    /// <summary>The DTFx client over <see cref="Service"/>; it serializes with the worker's data converter.</summary>
    public TaskHubClient Client { get; }

    /// <inheritdoc />
    public void Dispose() => Service.Dispose();
}

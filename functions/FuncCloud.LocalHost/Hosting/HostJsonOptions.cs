namespace FuncCloud.LocalHost.Hosting;

/// <summary>The HTTP part of host.json (<c>extensions.http</c>).</summary>
public sealed class HttpHostOptions
{
    /// <summary>Prefix of every HTTP trigger route; the Functions default is "api".</summary>
    public string RoutePrefix { get; set; } = "api";

    /// <summary>
    /// Longest path and query (as sent) the host accepts; longer is a 414 in the owning service's error
    /// shape. Kestrel's own request-line limit is set well above it, so Kestrel's empty-bodied 414 only
    /// answers lines over <see cref="MaxRequestLineLength"/>.
    /// </summary>
    public int MaxRequestTargetLength { get; set; } = 8192;

    /// <summary>Kestrel's request-line limit (its default is 8 KiB).</summary>
    public int MaxRequestLineLength { get; set; } = 65536;
}

/// <summary>The queue part of host.json (<c>extensions.queues</c>), with the Functions defaults.</summary>
public sealed class QueuesHostOptions
{
    /// <summary>Messages fetched per poll (1-32).</summary>
    public int BatchSize { get; set; } = 16;

    /// <summary>Fetch the next batch when fewer than this many messages are in flight.</summary>
    public int? NewBatchThreshold { get; set; }

    /// <summary>Longest wait between polls of an empty queue (exponential back-off up to this).</summary>
    public TimeSpan MaxPollingInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a failed message stays invisible before it is retried.</summary>
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.Zero;

    /// <summary>Attempts before a message is moved to <c>&lt;queue&gt;-poison</c>.</summary>
    public int MaxDequeueCount { get; set; } = 5;

    /// <summary>"base64" (default) or "none".</summary>
    public string MessageEncoding { get; set; } = "base64";
}

/// <summary>The durable part of host.json (<c>extensions.durableTask</c>).</summary>
public sealed class DurableTaskHostOptions
{
    /// <summary>Task hub name: the prefix of the DTFx tables, queues and blob containers.</summary>
    public string HubName { get; set; } = "TestHubName";

    /// <summary>The Azure Storage backend settings.</summary>
    public DurableStorageProviderOptions StorageProvider { get; set; } = new();
}

/// <summary><c>extensions.durableTask.storageProvider</c>.</summary>
public sealed class DurableStorageProviderOptions
{
    /// <summary>Name of the app setting holding the storage connection string.</summary>
    public string ConnectionName { get; set; } = "AzureWebJobsStorage";

    /// <summary>Control-queue partitions (1-16); the unit of scale-out between replicas.</summary>
    public int PartitionCount { get; set; } = 4;

    /// <summary>Longest back-off when the control and work-item queues are empty.</summary>
    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a dequeued control-queue message stays invisible (Durable Functions' <c>controlQueueVisibilityTimeout</c>,
    /// DTFx default 5 min). Messages a replica had fetched but not processed when it stopped or lost the partition
    /// reappear only after this, so it bounds how long a takeover can stall on them.
    /// </summary>
    public TimeSpan? ControlQueueVisibilityTimeout { get; set; }

    /// <summary>The same for the activity work-item queue (<c>workItemQueueVisibilityTimeout</c>, default 5 min).</summary>
    public TimeSpan? WorkItemQueueVisibilityTimeout { get; set; }

    /// <summary>
    /// How long a partition lease lasts unless renewed (DTFx <c>LeaseInterval</c>, default 30 s; with the table
    /// partition manager of DTFx.AzureStorage 2.x, how far each renewal extends it): how soon a replica that died
    /// without releasing its partitions is replaced. A LocalHost extension of host.json.
    /// </summary>
    public TimeSpan? PartitionLeaseInterval { get; set; }

    /// <summary>How often held partition leases are renewed (DTFx <c>LeaseRenewInterval</c>, default 10 s).</summary>
    public TimeSpan? PartitionLeaseRenewInterval { get; set; }

    /// <summary>
    /// How often a replica looks for free partitions and rebalances with the others (DTFx
    /// <c>LeaseAcquireInterval</c>, default 10 s): how soon a new or surviving replica takes partitions over.
    /// </summary>
    public TimeSpan? PartitionLeaseAcquireInterval { get; set; }

    /// <summary>
    /// This replica's DTFx worker id (the owner name on its partition leases); by default machine, process and a
    /// random suffix, new on every start. A single LocalHost that restarts with the same id owns its partitions
    /// again at once instead of waiting for its dead self's leases to expire (<c>./funccloud</c> sets one). Never
    /// give two running replicas the same id: each would take the other's partitions. A LocalHost extension.
    /// </summary>
    public string? WorkerId { get; set; }
}

using Azure;
using Azure.Storage.Queues;
using FuncCloud.Agent.Api;
using FuncCloud.Agent.Commands;
using FuncCloud.Agent.Compute;
using FuncCloud.Agent.Hosting;
using FuncCloud.Agent.Journal;
using FuncCloud.Agent.Network;
using FuncCloud.Agent.Queues;
using FuncCloud.Agent.Reconcile;
using FuncCloud.Agent.Storage;
using FuncCloud.Agent.Telemetry;
using FuncCloud.Shared.Agents;
using FuncCloud.Shared.Agents.Nodes;
using FuncCloud.Shared.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FuncCloud.Agent.Nodes;

/// <summary>
/// Everything one node runs: its driver, journal, command pump, power-state reconciler, heartbeat and (when on) telemetry pollster. One
/// process hosts one node in production and many (Fake) nodes in scale simulations.
/// </summary>
public sealed class NodeAgent(
    string nodeName,
    IComputeDriverFactory drivers,
    IVolumeDriverFactory volumeDrivers,
    CommandHandlerRegistry handlers,
    QueueServiceClient queues,
    StorageNames names,
    AgentQueuePublisher publisher,
    IComputeNodeApi api,
    INetworkDriverFactory networkDrivers,
    INetworkStateApi networkApi,
    IOptions<AgentOptions> options,
    IOptions<AgentApiOptions> apiOptions,
    IOptions<StorageNodeOptions> storageOptions,
    TimeProvider time,
    ILoggerFactory loggers)
{
    public string NodeName { get; } = nodeName;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var logger = loggers.CreateLogger($"FuncCloud.Agent.Node.{NodeName}");
        var driver = drivers.GetDriver(NodeName);
        await driver.InitHostAsync(NodeName, cancellationToken);
        var volumeDriver = settings.HasStorageRole ? volumeDrivers.GetDriver(NodeName) : null;

        await using var journal = await CommandJournal.OpenAsync(
            Path.Combine(settings.StateFolder, NodeName), settings.JournalRetention, settings.JournalFlushToDisk, time, logger, cancellationToken);
        var inDoubt = journal.InDoubt();
        if (inDoubt.Count > 0)
        {
            HeartbeatLog.InDoubt(logger, NodeName, inDoubt.Count);
        }

        var commandQueue = AgentQueueNames.ForNode(NodeName);
        var queue = queues.GetQueueClient(names.Queue(commandQueue));
        var poison = queues.GetQueueClient(names.Queue(AgentQueueNames.Poison(commandQueue)));
        await EnsureQueuesAsync(queue, logger, cancellationToken);

        var locks = new ServerLocks();
        var observed = new ObservedPowerStates();
        var networkSync = new NetworkSyncSignal();
        var processor = new CommandProcessor(NodeName, driver, journal, handlers, locks, observed, publisher, time, logger, networkSync, volumeDriver);
        var pump = new CommandPump(NodeName, queue, poison, processor, settings, logger);
        var reconciler = new PowerStateReconciler(NodeName, driver, locks, observed, publisher, settings, time, logger);
        HeartbeatLog.NodeStarted(logger, NodeName, queue.Name, driver.Name, journal.Path);

        var heartbeat = Task.CompletedTask;
        if (apiOptions.Value.Endpoint is null)
        {
            HeartbeatLog.Disabled(logger, NodeName);
        }
        else
        {
            heartbeat = new NodeHeartbeat(NodeName, driver, api, settings, time, logger, volumeDriver, storageOptions.Value).RunAsync(cancellationToken);
        }

        var network = Task.CompletedTask;
        if (apiOptions.Value.Endpoint is null)
        {
            NetworkLog.Disabled(logger, NodeName);
        }
        else if (settings.ResolveRoles().Any(r => r is NodeRoles.Network or NodeRoles.Compute))
        {
            network = new NetworkStateLoop(NodeName, networkDrivers.GetDriver(NodeName), networkApi, networkSync, settings, time, logger).RunAsync(cancellationToken);
        }

        var wake = apiOptions.Value.Endpoint is null
            ? Task.CompletedTask
            : new CommandWakeLoop(NodeName, api, pump, settings, time, logger).RunAsync(cancellationToken);

        var pollster = settings.Pollster && settings.ResolveRoles().Contains(NodeRoles.Compute, StringComparer.Ordinal)
            ? new SamplePollster(NodeName, driver, publisher, settings, time, logger).RunAsync(cancellationToken)
            : Task.CompletedTask;

        await Task.WhenAll(pump.RunAsync(cancellationToken), reconciler.RunAsync(cancellationToken), heartbeat, network, wake, pollster);
    }

    private async Task EnsureQueuesAsync(QueueClient queue, ILogger logger, CancellationToken cancellationToken)
    {
        var backoff = TimeSpan.FromSeconds(1);
        while (true)
        {
            try
            {
                await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
                await publisher.EnsureQueuesAsync(cancellationToken);
                return;
            }
            catch (RequestFailedException e)
            {
                // Storage (Azurite) may start after the agent: wait rather than crash-loop.
                HeartbeatLog.StorageNotReady(logger, NodeName, e.Message, backoff);
                await Task.Delay(backoff, time, cancellationToken);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, options.Value.MaxRetryBackoff.Ticks));
            }
        }
    }
}

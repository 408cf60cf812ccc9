using Azure;
using Azure.Storage.Queues;
using FuncCloud.Agent.Api;
using FuncCloud.Agent.Commands;
using FuncCloud.Agent.Compute;
using FuncCloud.Agent.Hosting;
using FuncCloud.Agent.Journal;
using FuncCloud.Agent.Nodes;
using FuncCloud.Agent.Queues;
using FuncCloud.Agent.Reconcile;
using FuncCloud.Shared.Agents;
using FuncCloud.Shared.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FuncCloud.Agent.Fleet;

/// <summary>
/// Many simulated (Fake) nodes in one process as one fleet (<see cref="AgentOptions.Fleet"/>): the nodes register in bulk
/// and heartbeat in one call (<see cref="FleetHeartbeatLoop"/>), their commands arrive on the fleet's one queue
/// <c>fleet-&lt;fleet&gt;</c> carrying the node's name (one <see cref="CommandPump"/>, one long-poll, one journal), and one
/// loop posts every node's power-state report each <see cref="AgentOptions.ReconcileInterval"/>. Per node only its driver
/// and processor remain, so 10,000 nodes fit in one process. Real agents keep one queue and one set of loops per node
/// (<see cref="NodeAgent"/>). Fleet nodes run no network state loop: a fleet simulates compute (boots without ports).
/// </summary>
public sealed class FleetAgent(
    IComputeDriverFactory drivers,
    CommandHandlerRegistry handlers,
    QueueServiceClient queues,
    StorageNames names,
    AgentQueuePublisher publisher,
    IComputeNodeApi api,
    IOptions<AgentOptions> options,
    IOptions<AgentApiOptions> apiOptions,
    TimeProvider time,
    ILoggerFactory loggers)
{
    private readonly Dictionary<string, FleetNode> _nodes = new(StringComparer.Ordinal);
    private readonly ILogger _logger = loggers.CreateLogger<FleetAgent>();

    /// <summary>The fleet's name.</summary>
    public string Name => options.Value.Fleet ?? throw new InvalidOperationException("FuncCloud:Agent:Fleet is not set.");

    /// <summary>The heartbeat loop once running (tests read its count).</summary>
    public FleetHeartbeatLoop? Heartbeat { get; private set; }

    /// <summary>
    /// Stops <paramref name="nodeName"/>'s heartbeats, as if that one machine died while the rest of the fleet lives: the
    /// control plane must then see it down after its down time, and only it.
    /// </summary>
    public void Silence(string nodeName)
    {
        lock (_nodes)
        {
            _nodes[nodeName].Beating = false;
        }

        FleetLog.Silenced(_logger, Name, nodeName);
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var fleet = Name;
        await using var journal = await CommandJournal.OpenAsync(
            Path.Combine(settings.StateFolder, "fleet-" + fleet), settings.JournalRetention, settings.JournalFlushToDisk, time, _logger, cancellationToken);
        var locks = new ServerLocks();
        var list = new List<FleetNode>();
        foreach (var name in settings.ResolveNodeNames())
        {
            var driver = drivers.GetDriver(name);
            await driver.InitHostAsync(name, cancellationToken);
            var observed = new ObservedPowerStates();
            var node = new FleetNode(name, driver, new CommandProcessor(name, driver, journal, handlers, locks, observed, publisher, time, _logger), observed);
            list.Add(node);
            lock (_nodes)
            {
                _nodes[name] = node;
            }
        }

        var queue = queues.GetQueueClient(names.Queue(AgentQueueNames.ForFleet(fleet)));
        var poison = queues.GetQueueClient(names.Queue(AgentQueueNames.Poison(AgentQueueNames.ForFleet(fleet))));
        await EnsureQueuesAsync(queue, cancellationToken);
        var pumpOptions = new AgentOptions
        {
            MaxConcurrentCommands = settings.FleetConcurrentCommands,
            VisibilityTimeout = settings.VisibilityTimeout,
            MaxDequeueCount = settings.MaxDequeueCount,
            RetryDelay = settings.RetryDelay,
            MinPollInterval = settings.MinPollInterval,
            MaxPollInterval = settings.MaxPollInterval,
        };
        var pump = new CommandPump(fleet, queue, poison, new FleetDispatcher(_nodes), pumpOptions, _logger);
        FleetLog.Started(_logger, fleet, list.Count, queue.Name, journal.Path);

        var heartbeat = Task.CompletedTask;
        var wake = Task.CompletedTask;
        if (apiOptions.Value.Endpoint is not null)
        {
            Heartbeat = new FleetHeartbeatLoop(fleet, list, api, settings, time, _logger);
            heartbeat = Heartbeat.RunAsync(cancellationToken);
            wake = new CommandWakeLoop(fleet, api, pump, settings, time, _logger, fleet).RunAsync(cancellationToken);
        }

        await Task.WhenAll(pump.RunAsync(cancellationToken), ReconcileAsync(list, locks, cancellationToken), heartbeat, wake);
    }

    // One loop for the whole fleet: each round reports every node in turn (a node's report is what its own agent would post).
    private async Task ReconcileAsync(IReadOnlyList<FleetNode> list, ServerLocks locks, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.Value.ReconcileInterval, time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            foreach (var node in list.Where(n => n.Beating))
            {
                try
                {
                    await new PowerStateReconciler(node.Name, node.Driver, locks, node.Observed, publisher, options.Value, time, _logger).ReconcileOnceAsync(cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    FleetLog.ReconcileFailed(_logger, Name, node.Name, e.Message);
                }
            }
        }
    }

    private async Task EnsureQueuesAsync(QueueClient queue, CancellationToken cancellationToken)
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
                FleetLog.Failed(_logger, Name, "queue creation", backoff, e.Message);
                await Task.Delay(backoff, time, cancellationToken);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, options.Value.MaxRetryBackoff.Ticks));
            }
        }
    }
}

using FuncCloud.LocalHost.Catalog;
using FuncCloud.LocalHost.Hosting;
using FuncCloud.LocalHost.Invocation;
using FuncCloud.Shared.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace FuncCloud.LocalHost.Queues;

/// <summary>
/// Starts one <see cref="QueuePump"/> per <c>[QueueTrigger]</c> function of the catalog and stops them together.
/// A function whose trigger cannot be resolved (missing setting) is logged and left out while the others
/// run, as the Functions host does with a function that fails indexing.
/// </summary>
public sealed class QueueTriggerHost(
    FunctionCatalog catalog,
    FunctionInvoker invoker,
    IConfiguration configuration,
    StorageNames names,
    IOptions<QueuesHostOptions> options,
    ILoggerFactory loggerFactory) : IHostedService, IQueueListenerWake, IDisposable
{
    private readonly List<QueuePump> _pumps = [];

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = QueuePumpSettings.From(options.Value);
        var logger = loggerFactory.CreateLogger<QueuePump>();
        foreach (var (function, trigger) in catalog.WithTrigger<QueueTriggerAttribute>())
        {
            QueueTriggerTarget target;
            try
            {
                target = QueueTriggerTarget.Create(function, trigger, configuration, names);
            }
            catch (Exception e) when (e is InvalidOperationException or FormatException or ArgumentException)
            {
                QueueTriggerLog.NotStarted(logger, e, function.Name, e.Message);
                continue;
            }

            var pump = new QueuePump(target, settings, new QueueMessageHandler(target, settings, invoker, logger), logger);
            lock (_pumps)
            {
                _pumps.Add(pump);
            }

            await pump.StartAsync(cancellationToken);
        }
    }

    /// <inheritdoc />
    public bool Wake(string queueName)
    {
        var woken = false;
        QueuePump[] pumps;
        lock (_pumps)
        {
            pumps = [.. _pumps];
        }

        foreach (var pump in pumps)
        {
            if (string.Equals(pump.QueueName, queueName, StringComparison.Ordinal))
            {
                pump.Wake();
                woken = true;
            }
        }

        return woken;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(_pumps.Select(p => p.StopAsync(cancellationToken)));

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var pump in _pumps)
        {
            pump.Dispose();
        }
    }
}

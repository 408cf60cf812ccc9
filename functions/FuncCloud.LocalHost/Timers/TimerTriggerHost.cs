using Azure.Storage.Blobs;
using FuncCloud.LocalHost.Catalog;
using FuncCloud.LocalHost.Hosting;
using FuncCloud.LocalHost.Invocation;
using FuncCloud.Shared.Storage;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.LocalHost.Timers;

/// <summary>
/// Starts one <see cref="TimerRunner"/> per <c>[TimerTrigger]</c> function and stops them together. A schedule
/// that does not resolve or parse is logged and that function left out, as with a Functions indexing error.
/// </summary>
public sealed class TimerTriggerHost(
    FunctionCatalog catalog,
    FunctionInvoker invoker,
    IConfiguration configuration,
    BlobServiceClient blobs,
    StorageNames names,
    TimeProvider time,
    ILoggerFactory loggerFactory) : IHostedService, IDisposable
{
    private readonly List<TimerRunner> _runners = [];

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var logger = loggerFactory.CreateLogger<TimerRunner>();
        foreach (var (function, trigger) in catalog.WithTrigger<TimerTriggerAttribute>())
        {
            TimerSchedule schedule;
            try
            {
                schedule = TimerSchedule.Parse(AppSettingExpression.Resolve(trigger.Schedule, configuration));
            }
            catch (Exception e) when (e is InvalidOperationException or FormatException)
            {
                TimerTriggerLog.NotStarted(logger, e, function.Name, e.Message);
                continue;
            }

            var lease = new TimerSingletonLease(blobs, names, function.Name);
            var runner = new TimerRunner(function, schedule, trigger.RunOnStartup, lease, invoker, time, logger);
            _runners.Add(runner);
            await runner.StartAsync(cancellationToken);
        }
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(_runners.Select(r => r.StopAsync(cancellationToken)));

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var runner in _runners)
        {
            runner.Dispose();
        }
    }
}

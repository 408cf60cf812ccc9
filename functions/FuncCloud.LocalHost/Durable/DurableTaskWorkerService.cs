using DurableTask.Core;
using FuncCloud.LocalHost.Catalog;
using FuncCloud.LocalHost.Invocation;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;

namespace FuncCloud.LocalHost.Durable;

/// <summary>
/// Runs every <c>[OrchestrationTrigger]</c> and <c>[ActivityTrigger]</c> function of the catalog on a DTFx
/// <see cref="TaskHubWorker"/> over the shared <see cref="DurableTaskBackend"/>: creates the task hub if
/// needed, starts with the host, stops gracefully (in-flight work items finish) when the host stops.
/// </summary>
internal sealed class DurableTaskWorkerService(
    DurableTaskBackend backend,
    FunctionCatalog catalog,
    FunctionInvoker invoker,
    DataConverter dataConverter,
    ILoggerFactory loggerFactory) : IHostedService, IDisposable
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<DurableTaskWorkerService>();
    private readonly CancellationTokenSource _stopping = new();
    private TaskHubWorker? _worker;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await backend.Service.CreateIfNotExistsAsync().WaitAsync(cancellationToken);

        var shims = new DurableTaskShimFactory(new DurableTaskWorkerOptions { DataConverter = dataConverter }, loggerFactory);
        var orchestrations = new FunctionObjectManager<TaskOrchestration>();
        var activities = new FunctionObjectManager<TaskActivity>();
        var orchestrators = catalog.WithTrigger<OrchestrationTriggerAttribute>().Select(f => f.Function).ToList();
        var activityFunctions = catalog.WithTrigger<ActivityTriggerAttribute>().Select(f => f.Function).ToList();
        foreach (var function in orchestrators)
        {
            orchestrations.Add(new FunctionObjectCreator<TaskOrchestration>(function.Name, () =>
                shims.CreateOrchestration(function.Name, new FunctionOrchestrator(function, invoker, dataConverter, loggerFactory))));
        }

        foreach (var function in activityFunctions)
        {
            activities.Add(new FunctionObjectCreator<TaskActivity>(function.Name, () =>
                shims.CreateActivity(function.Name, new FunctionActivity(function, invoker, _stopping.Token))));
        }

        _worker = new TaskHubWorker(backend.Service, orchestrations, activities, loggerFactory)
        {
            // Failures travel as structured FailureDetails (type, message, stack), which the shim's
            // TaskFailedException and the client's OrchestrationMetadata.FailureDetails are built from.
            ErrorPropagationMode = ErrorPropagationMode.UseFailureDetails,
        };
        _worker.AddOrchestrationDispatcherMiddleware(OrchestrationParent.Middleware);
        await _worker.StartAsync().WaitAsync(cancellationToken);
        DurableTaskLog.WorkerStarted(_logger, backend.HubName, orchestrators.Count, activityFunctions.Count, backend.PartitionCount);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_worker is null)
        {
            return;
        }

        try
        {
            // Graceful: the dispatchers stop fetching, in-flight work items complete, leases are released.
            await _worker.StopAsync(isForced: false).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            DurableTaskLog.WorkerForcedStop(_logger, backend.HubName);
            await _stopping.CancelAsync();
            await _worker.StopAsync(isForced: true);
        }

        DurableTaskLog.WorkerStopped(_logger, backend.HubName);
    }

    public void Dispose()
    {
        _worker?.Dispose();
        _stopping.Dispose();
    }
}

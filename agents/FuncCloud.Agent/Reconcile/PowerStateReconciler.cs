using FuncCloud.Agent.Commands;
using FuncCloud.Agent.Compute;
using FuncCloud.Agent.Hosting;
using FuncCloud.Agent.Queues;
using FuncCloud.Shared.Agents;
using FuncCloud.Shared.Compute;
using Microsoft.Extensions.Logging;

namespace FuncCloud.Agent.Reconcile;

/// <summary>
/// nova's <c>_sync_power_states</c> for one node: every <see cref="AgentOptions.ReconcileInterval"/> it reads
/// every instance's actual power state from the driver and posts a <see cref="PowerStateReport"/> to
/// <c>agent-events</c>. The agent has no database; the control plane decides what to correct.
/// </summary>
public sealed class PowerStateReconciler(
    string nodeName,
    IComputeDriver driver,
    ServerLocks locks,
    ObservedPowerStates observed,
    AgentQueuePublisher publisher,
    AgentOptions options,
    TimeProvider time,
    ILogger logger)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.ReconcileInterval, time, cancellationToken);
                await ReconcileOnceAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                // One failed round (storage down, driver hiccup) must not stop the next ones.
                ReconcileLog.Failed(logger, nodeName, e.Message);
            }
        }
    }

    /// <summary>Reads every instance once and posts the report.</summary>
    public async Task<PowerStateReport> ReconcileOnceAsync(CancellationToken cancellationToken)
    {
        var states = new Dictionary<string, PowerState>(StringComparer.Ordinal);
        foreach (var serverId in await driver.ListInstancesAsync(cancellationToken))
        {
            try
            {
                states[serverId] = (await driver.GetInstanceInfoAsync(serverId, cancellationToken)).PowerState;
            }
            catch (InstanceNotFoundException)
            {
                // Destroyed between list and read: it is simply not on the node any more.
            }
        }

        var changed = observed.Replace(states);
        var report = new PowerStateReport(
            PowerStateReport.EventKind,
            nodeName,
            time.GetUtcNow(),
            [.. states.Select(s => new InstancePowerState(s.Key, s.Value, changed[s.Key], locks.IsBusy(s.Key)))]);
        await publisher.SendReportAsync(report, cancellationToken);
        ReconcileLog.Reported(logger, nodeName, report.Instances.Count, changed.Count(c => c.Value));
        return report;
    }
}

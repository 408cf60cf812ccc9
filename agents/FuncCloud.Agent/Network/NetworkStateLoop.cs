using FuncCloud.Agent.Hosting;
using FuncCloud.Shared.Network.Agents;
using FuncCloud.Shared.Network.Wiring;
using Microsoft.Extensions.Logging;

namespace FuncCloud.Agent.Network;

/// <summary>
/// One node's network agent: fetches the node's whole desired state from the controller on start, on every
/// <c>network-sync</c> kick and every <see cref="AgentOptions.NetworkSyncInterval"/> (which heals lost kicks
/// and anything changed on the host behind the driver's back), and hands it to the driver. One loop per node,
/// so applies never overlap. A state older than the one applied (a lagging replica's answer) is skipped.
/// </summary>
public sealed class NetworkStateLoop(
    string nodeName,
    INetworkDriver driver,
    INetworkStateApi api,
    NetworkSyncSignal signal,
    AgentOptions options,
    TimeProvider time,
    ILogger logger)
{
    /// <summary>The revision applied last (-1 before the first apply).</summary>
    public long AppliedRevision { get; private set; } = -1;

    /// <summary>Runs until <paramref name="cancellationToken"/> stops the agent.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var config = new NetworkHostConfig(nodeName, options.LocalIp, options.PhysicalBridges, Path.Combine(options.StateFolder, nodeName, "network"));
        await driver.InitHostAsync(config, cancellationToken);
        NetworkLog.Started(logger, nodeName, driver.Name, options.NetworkSyncInterval);
        var backoff = TimeSpan.FromSeconds(1);
        while (!cancellationToken.IsCancellationRequested)
        {
            var wait = options.NetworkSyncInterval;
            try
            {
                await SyncOnceAsync(cancellationToken);
                backoff = TimeSpan.FromSeconds(1);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The controller unreachable or a driver failure: retry soon (the driver retries what failed).
                NetworkLog.SyncFailed(logger, nodeName, e.Message, backoff);
                wait = backoff < wait ? backoff : wait;
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, options.MaxRetryBackoff.Ticks));
            }

            try
            {
                await signal.WaitAsync(wait, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Fetches and applies once.</summary>
    public async Task SyncOnceAsync(CancellationToken cancellationToken)
    {
        var state = await api.GetStateAsync(nodeName, options.LocalIp, cancellationToken);
        if (state.Revision < AppliedRevision)
        {
            NetworkLog.Stale(logger, nodeName, state.Revision, AppliedRevision);
            return;
        }

        var started = time.GetTimestamp();
        await driver.ApplyAsync(state, cancellationToken);
        AppliedRevision = state.Revision;
        NetworkLog.Applied(logger, nodeName, state.Revision, state.Networks.Count, state.Ports.Count, state.DhcpServers.Count, state.Routers.Count, time.GetElapsedTime(started).TotalMilliseconds);

        // The wired ports the controller does not have ACTIVE yet: a lost report is repeated by the next
        // fetch (the state still says not active), so the report needs no journal.
        var plugged = state.Ports.Where(p => !p.Active).Select(p => p.PortId).ToList();
        if (plugged.Count > 0)
        {
            await api.ReportPluggedAsync(nodeName, new PluggedPorts(plugged), cancellationToken);
            NetworkLog.Plugged(logger, nodeName, plugged.Count);
        }
    }
}

using System.Net;
using System.Reflection;
using FuncCloud.Agent.Api;
using FuncCloud.Agent.Compute;
using FuncCloud.Agent.Hosting;
using FuncCloud.Agent.Storage;
using FuncCloud.Shared.Agents.Nodes;
using Microsoft.Extensions.Logging;
using Refit;

namespace FuncCloud.Agent.Nodes;

/// <summary>
/// Registers one node through the API and then heartbeats it with its capacity and usage. The API may be
/// down or not built yet: every failure is logged and retried with exponential back-off (capped at
/// <see cref="AgentOptions.MaxRetryBackoff"/>) while the node keeps executing commands. A 404 heartbeat
/// means the control plane forgot the node: it registers again. A node with the storage role carries its pool
/// (from <see cref="IVolumeDriver.GetStatsAsync"/>) in both, so the scheduler sees live pools only.
/// </summary>
public sealed class NodeHeartbeat(
    string nodeName,
    IComputeDriver driver,
    IComputeNodeApi api,
    AgentOptions options,
    TimeProvider time,
    ILogger logger,
    IVolumeDriver? volumeDriver = null,
    StorageNodeOptions? storage = null)
{
    private static readonly string AgentVersion =
        typeof(NodeHeartbeat).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0";

    /// <summary>True once the API accepted the registration (and until it answers 404 to a heartbeat).</summary>
    public bool Registered { get; private set; }

    /// <summary>Calls that failed so far.</summary>
    public int Failures { get; private set; }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var firstRetry = TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(1).Ticks, options.MaxRetryBackoff.Ticks));
        var backoff = firstRetry;
        while (!cancellationToken.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                await BeatAsync(cancellationToken);
                backoff = firstRetry;
                wait = Jitter(options.HeartbeatInterval);
            }
            catch (ApiException e) when (e.StatusCode == HttpStatusCode.NotFound && Registered)
            {
                HeartbeatLog.Forgotten(logger, nodeName);
                Registered = false;
                wait = TimeSpan.Zero;
            }
            catch (Exception e) when (IsTransient(e) && !cancellationToken.IsCancellationRequested)
            {
                Failures++;
                HeartbeatLog.Failed(logger, nodeName, Registered ? "heartbeat" : "registration", backoff, e.Message);
                wait = backoff;
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, options.MaxRetryBackoff.Ticks));
            }

            try
            {
                await Task.Delay(wait, time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    private async Task BeatAsync(CancellationToken cancellationToken)
    {
        var resources = await driver.GetAvailableResourcesAsync(cancellationToken);
        if (!Registered)
        {
            var registration = new ComputeNodeRegistration(
                Environment.MachineName, options.ResolveRoles(), options.AvailabilityZone, driver.Name, resources, AgentVersion, await PoolsAsync(cancellationToken));
            await api.RegisterAsync(nodeName, registration, cancellationToken);
            Registered = true;
            HeartbeatLog.Registered(logger, nodeName, resources.VcpusTotal, resources.MemoryMbTotal, resources.DiskGbTotal);
            return;
        }

        var instances = await driver.ListInstancesAsync(cancellationToken);
        await api.HeartbeatAsync(nodeName, new ComputeNodeHeartbeat(time.GetUtcNow(), resources, instances.Count, await PoolsAsync(cancellationToken)), cancellationToken);
    }

    private async Task<IReadOnlyList<StoragePoolReport>?> PoolsAsync(CancellationToken cancellationToken)
    {
        if (volumeDriver is null)
        {
            return null;
        }

        var stats = await volumeDriver.GetStatsAsync(cancellationToken);
        var settings = storage ?? new StorageNodeOptions();
        return [new StoragePoolReport(volumeDriver.Name, stats.PoolName, volumeDriver.Name, stats.TotalCapacityGb, stats.FreeCapacityGb,
            stats.ProvisionedCapacityGb, stats.ThinProvisioning, settings.ReservedPercentage, settings.MaxOverSubscriptionRatio)];
    }

    // Hundreds of simulated nodes started together would otherwise heartbeat in lockstep.
    private static TimeSpan Jitter(TimeSpan interval) => interval * (0.9 + Random.Shared.NextDouble() * 0.2);

    private static bool IsTransient(Exception e) =>
        e is ApiException or HttpRequestException or KeystoneAuthenticationException or TaskCanceledException;
}

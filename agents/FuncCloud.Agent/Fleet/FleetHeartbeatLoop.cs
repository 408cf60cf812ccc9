using System.Diagnostics;
using System.Reflection;
using FuncCloud.Agent.Api;
using FuncCloud.Agent.Hosting;
using FuncCloud.Shared.Agents.Nodes;
using Microsoft.Extensions.Logging;

namespace FuncCloud.Agent.Fleet;

/// <summary>
/// Registers a fleet's nodes in bulk (<see cref="FleetLimits.RegistrationBatch"/> per call) and then heartbeats all of
/// them in one call per <see cref="AgentOptions.HeartbeatInterval"/>: names only for nodes whose usage the control plane
/// already holds, usage for the ones that changed. Nodes the control plane answers as unknown are registered again.
/// Failures back off exponentially (capped at <see cref="AgentOptions.MaxRetryBackoff"/>); commands keep flowing.
/// </summary>
public sealed class FleetHeartbeatLoop(string fleet, IReadOnlyList<FleetNode> nodes, IComputeNodeApi api, AgentOptions options, TimeProvider time, ILogger logger)
{
    private static readonly string AgentVersion =
        typeof(FleetHeartbeatLoop).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0";

    /// <summary>Heartbeats (of all nodes) that succeeded so far.</summary>
    public int Beats { get; private set; }

    /// <summary>Registration or heartbeat calls that failed so far.</summary>
    public int Failures { get; private set; }

    /// <summary>The longest successful heartbeat of all nodes (building it and the calls).</summary>
    public TimeSpan LongestBeat { get; private set; }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var firstRetry = TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(1).Ticks, options.MaxRetryBackoff.Ticks));
        var backoff = firstRetry;
        while (!cancellationToken.IsCancellationRequested)
        {
            TimeSpan wait;
            var unregistered = nodes.Where(n => n.Reported is null && n.Beating).ToList();
            try
            {
                if (unregistered.Count > 0)
                {
                    await RegisterAsync(unregistered, cancellationToken);
                    wait = TimeSpan.Zero;
                }
                else
                {
                    await BeatAsync(cancellationToken);
                    wait = options.HeartbeatInterval * (0.95 + Random.Shared.NextDouble() * 0.1);
                }

                backoff = firstRetry;
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                // Whatever failed (API down, a 4xx, a surprise), the loop must survive: a dead loop is 10,000 dead nodes.
                Failures++;
                FleetLog.Failed(logger, fleet, unregistered.Count > 0 ? "registration" : "heartbeat", backoff, e.Message);
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

    private async Task RegisterAsync(List<FleetNode> pending, CancellationToken cancellationToken)
    {
        var created = 0;
        foreach (var chunk in pending.Chunk(FleetLimits.RegistrationBatch))
        {
            var batch = new List<FleetNodeRegistration>(chunk.Length);
            var usage = new List<(FleetNode Node, Shared.Compute.HostResources Resources, int Count)>(chunk.Length);
            foreach (var node in chunk)
            {
                var resources = await node.Driver.GetAvailableResourcesAsync(cancellationToken);
                var count = (await node.Driver.ListInstancesAsync(cancellationToken)).Count;
                batch.Add(new FleetNodeRegistration(node.Name, new ComputeNodeRegistration(
                    Environment.MachineName, options.ResolveRoles(), options.AvailabilityZone, node.Driver.Name, resources, AgentVersion, null, fleet)));
                usage.Add((node, resources, count));
            }

            created += (await api.RegisterFleetAsync(fleet, new FleetRegistration(batch), cancellationToken)).Created;
            foreach (var (node, resources, count) in usage)
            {
                // A registration does not carry the instance count: a node that has instances reports it with its first beat.
                node.Reported = (resources, count == 0 ? 0 : -1);
            }
        }

        FleetLog.Registered(logger, fleet, pending.Count, created);
    }

    private async Task BeatAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var alive = new List<string>();
        var changed = new List<(FleetNode Node, FleetNodeBeat Beat)>();
        foreach (var node in nodes.Where(n => n.Beating && n.Reported is not null))
        {
            var resources = await node.Driver.GetAvailableResourcesAsync(cancellationToken);
            var count = (await node.Driver.ListInstancesAsync(cancellationToken)).Count;
            if (node.Reported == (resources, count))
            {
                alive.Add(node.Name);
            }
            else
            {
                changed.Add((node, new FleetNodeBeat(node.Name, resources, count)));
            }
        }

        for (var start = 0; start < alive.Count + changed.Count; start += FleetLimits.HeartbeatBatch)
        {
            // One call per HeartbeatBatch nodes: changed nodes first, then the plain beats.
            var slice = changed.Skip(start).Take(FleetLimits.HeartbeatBatch).ToList();
            var names = alive.Skip(Math.Max(0, start - changed.Count)).Take(FleetLimits.HeartbeatBatch - slice.Count).ToList();
            var result = await api.FleetHeartbeatAsync(fleet, new FleetHeartbeat(time.GetUtcNow(), names, [.. slice.Select(c => c.Beat)]), cancellationToken);
            foreach (var (node, beat) in slice)
            {
                node.Reported = (beat.Resources, beat.InstanceCount);
            }

            if (result.Unknown.Count > 0)
            {
                FleetLog.Forgotten(logger, fleet, result.Unknown.Count, result.Unknown[0]);
                var unknown = result.Unknown.ToHashSet(StringComparer.Ordinal);
                foreach (var node in nodes.Where(n => unknown.Contains(n.Name)))
                {
                    node.Reported = null;
                }
            }
        }

        Beats++;
        LongestBeat = clock.Elapsed > LongestBeat ? clock.Elapsed : LongestBeat;
        FleetLog.Beat(logger, fleet, alive.Count + changed.Count, changed.Count, clock.ElapsedMilliseconds);
    }
}

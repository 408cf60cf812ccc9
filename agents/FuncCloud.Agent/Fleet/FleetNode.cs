using FuncCloud.Agent.Commands;
using FuncCloud.Agent.Compute;
using FuncCloud.Agent.Reconcile;
using FuncCloud.Shared.Compute;

namespace FuncCloud.Agent.Fleet;

/// <summary>
/// What one simulated node of a fleet keeps: its driver, its command processor (sharing the fleet's journal and
/// publisher) and what the control plane last acknowledged of its usage. A few hundred bytes; no task, timer or
/// connection of its own.
/// </summary>
public sealed class FleetNode(string name, IComputeDriver driver, CommandProcessor processor, ObservedPowerStates observed)
{
    public string Name { get; } = name;

    public IComputeDriver Driver { get; } = driver;

    public CommandProcessor Processor { get; } = processor;

    public ObservedPowerStates Observed { get; } = observed;

    /// <summary>The usage the control plane holds (set when a registration or heartbeat carrying it succeeded).</summary>
    public (HostResources Resources, int InstanceCount)? Reported { get; set; }

    /// <summary>False once the node was silenced (<see cref="FleetAgent.Silence"/>): it no longer beats, as a crashed node.</summary>
    public bool Beating { get; set; } = true;
}

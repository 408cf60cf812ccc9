using FuncCloud.Shared.Compute;

namespace FuncCloud.Agent.Compute.Fake;

/// <summary>One fake guest; mutated only under the driver's lock.</summary>
internal sealed class FakeInstance(InstanceSpec spec, string consoleOutput)
{
    public InstanceSpec Spec { get; set; } = spec;

    public PowerState State { get; set; } = PowerState.NoState;

    public FlavorSpec Flavor { get; set; } = spec.Flavor;

    public FlavorSpec? PreviousFlavor { get; set; }

    public List<string> Console { get; } = [.. consoleOutput.Split('\n')];

    /// <summary>Attached volumes: volume id → guest device.</summary>
    public Dictionary<string, string> Volumes { get; } = new(StringComparer.Ordinal);

    /// <summary>Telemetry counters; null until first sampled.</summary>
    public FakeCounters? Counters { get; set; }

    public InstanceInfo ToInfo() => new(Spec.ServerId, State, Flavor, PreviousFlavor);
}

using System.Globalization;
using FuncCloud.Shared.Agents;
using FuncCloud.Shared.Agents.Nodes;

namespace FuncCloud.Agent.Hosting;

/// <summary>The agent's settings, bound from <c>FuncCloud:Agent</c>.</summary>
public sealed class AgentOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "FuncCloud:Agent";

    /// <summary>The node this agent runs as; defaults to the machine's host name.</summary>
    public string? NodeName { get; set; }

    /// <summary>Scale simulation: host these nodes in one process (each with its own queue, journal and driver).</summary>
    public List<string> Nodes { get; set; } = [];

    /// <summary>Scale simulation: host this many nodes named by <see cref="NodeNamePattern"/> (used when <see cref="Nodes"/> is empty).</summary>
    public int NodeCount { get; set; }

    /// <summary>A composite format with one argument, the 1-based node number.</summary>
    public string NodeNamePattern { get; set; } = "fake-{0:D3}";

    /// <summary>
    /// Scale simulation: run every node of this process as one fleet of that name (Fake driver only): one bulk
    /// registration, one heartbeat call for all nodes, one command queue <c>fleet-&lt;name&gt;</c> and one long-poll, one
    /// journal; per node only its driver state (no thread, timer, HTTP client or queue poller per node). Null: every node
    /// runs its own loops and queue, as a real agent does.
    /// </summary>
    public string? Fleet { get; set; }

    /// <summary>Commands a fleet runs at once across its nodes (its one pump; a queue receive returns at most 32).</summary>
    public int FleetConcurrentCommands { get; set; } = 32;

    /// <summary>The node's roles (<see cref="NodeRoles"/>); empty means compute only.</summary>
    public List<string> Roles { get; set; } = [];

    /// <summary>The availability zone the node registers in.</summary>
    public string AvailabilityZone { get; set; } = "nova";

    /// <summary>The compute driver: <c>Fake</c> (simulation) or <c>Libvirt</c> (real QEMU/KVM guests).</summary>
    public string Driver { get; set; } = FakeDriver;

    /// <summary>The <see cref="Driver"/> value of the Fake driver.</summary>
    public const string FakeDriver = "Fake";

    /// <summary>The <see cref="Driver"/> value of the Libvirt driver.</summary>
    public const string LibvirtDriver = "Libvirt";

    /// <summary>True when <see cref="Driver"/> names the Libvirt driver.</summary>
    public bool UsesLibvirt => string.Equals(Driver, LibvirtDriver, StringComparison.OrdinalIgnoreCase);

    /// <summary>The network driver (<c>FuncCloud:Agent:NetworkDriver</c>): <c>Fake</c>, or a real one the build knows.</summary>
    public string NetworkDriver { get; set; } = "Fake";

    /// <summary>How often each node fetches and re-applies its network state without a kick (heals lost kicks and host drift).</summary>
    public TimeSpan NetworkSyncInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The node's VXLAN underlay address (neutron's local_ip), reported to the controller; null when the node has no peers.</summary>
    public string? LocalIp { get; set; }

    /// <summary>Physical network name → host bridge (neutron's bridge_mappings), e.g. <c>public</c> → <c>br-ex</c>.</summary>
    public Dictionary<string, string> PhysicalBridges { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The volume driver of nodes with the <c>storage</c> role: <c>Fake</c> (state only) or <c>File</c> (qemu-img files, tgt).</summary>
    public string StorageDriver { get; set; } = "Fake";

    /// <summary>Where each node keeps its journal (<c>&lt;StateFolder&gt;/&lt;node&gt;/journal.jsonl</c>).</summary>
    public string StateFolder { get; set; } = "/var/lib/funccloud-agent";

    /// <summary>How often each node heartbeats through the API.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait between retries of a failed registration or heartbeat.</summary>
    public TimeSpan MaxRetryBackoff { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often each node reports its instances' power states (nova's sync_power_state_interval).</summary>
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a received command stays invisible; renewed every third of it while the command runs.</summary>
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A message that failed this many times goes to the poison queue (the Functions default).</summary>
    public int MaxDequeueCount { get; set; } = 5;

    /// <summary>How long a failed message stays invisible before the next try (the Functions default is 0).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.Zero;

    /// <summary>Commands one node runs at once (1-32); commands for one server always run one at a time.</summary>
    public int MaxConcurrentCommands { get; set; } = 4;

    /// <summary>The first idle poll delay; it doubles up to <see cref="MaxPollInterval"/>.</summary>
    public TimeSpan MinPollInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest idle poll delay (bounds command latency and the queue transactions of idle nodes).</summary>
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long each long-poll for a command wake-up waits at the control plane (<see cref="Nodes.CommandWakeLoop"/>);
    /// zero turns the wake-ups off (the queue's polling alone then bounds command latency). Keep it under the API
    /// client's request timeout.
    /// </summary>
    public TimeSpan CommandWakeWait { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Run the telemetry pollster on compute nodes (ceilometer-compute's job): every <see cref="PollingInterval"/> it
    /// samples the node and its instances through the driver and sends the samples to the samples queue. Off by default
    /// (simulations of thousands of nodes should not meter unless asked); <c>./funccloud up</c> turns it on.
    /// </summary>
    public bool Pollster { get; set; }

    /// <summary>How often the pollster samples (ceilometer's polling interval, 60 s by default as upstream's is 300 s for most meters).</summary>
    public TimeSpan PollingInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Tell the control plane when results are posted, so its listener polls the results queue at once.</summary>
    public bool ReportResultsPosted { get; set; } = true;

    /// <summary>Completed commands older than this are compacted out of the journal on start.</summary>
    public TimeSpan JournalRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>fsync every journal line (turn off only for large simulations on slow disks).</summary>
    public bool JournalFlushToDisk { get; set; } = true;

    /// <summary>The node names this process hosts: <see cref="Nodes"/>, else the pattern, else <see cref="NodeName"/>.</summary>
    public IReadOnlyList<string> ResolveNodeNames()
    {
        if (Nodes.Count > 0)
        {
            return Nodes;
        }

        if (NodeCount > 0)
        {
            return [.. Enumerable.Range(1, NodeCount).Select(i => string.Format(CultureInfo.InvariantCulture, NodeNamePattern, i))];
        }

        return [string.IsNullOrWhiteSpace(NodeName) ? Environment.MachineName.ToLowerInvariant() : NodeName];
    }

    /// <summary>The roles, defaulting to compute.</summary>
    public IReadOnlyList<string> ResolveRoles() => Roles.Count > 0 ? Roles : [NodeRoles.Compute];

    /// <summary>True when the node carries the <c>storage</c> role (it runs a volume driver and reports pools).</summary>
    public bool HasStorageRole => ResolveRoles().Contains(NodeRoles.Storage, StringComparer.Ordinal);

    /// <summary>The problems with these settings, for options validation at start.</summary>
    public IEnumerable<string> Validate()
    {
        foreach (var node in ResolveNodeNames().Where(n => !AgentQueueNames.IsValidNodeName(n)))
        {
            yield return $"Node name '{node}' is not a lower-case DNS label of at most 40 characters (it names the queue agent-<node>).";
        }

        if (Fleet is not null && !AgentQueueNames.IsValidNodeName(Fleet))
        {
            yield return $"Fleet '{Fleet}' is not a lower-case DNS label of at most 40 characters (it names the queue fleet-<name>).";
        }

        if (Fleet is not null && !string.Equals(Driver, FakeDriver, StringComparison.OrdinalIgnoreCase))
        {
            yield return $"A fleet simulates nodes: it runs the {FakeDriver} driver only.";
        }

        if (FleetConcurrentCommands is < 1 or > 32)
        {
            yield return "FleetConcurrentCommands must be 1-32 (a queue receive returns at most 32 messages).";
        }

        if (MaxConcurrentCommands is < 1 or > 32)
        {
            yield return "MaxConcurrentCommands must be 1-32 (a queue receive returns at most 32 messages).";
        }

        if (VisibilityTimeout < TimeSpan.FromSeconds(3))
        {
            yield return "VisibilityTimeout must be at least 3 seconds (it is renewed every third of it).";
        }

        if (Pollster && PollingInterval < TimeSpan.FromMilliseconds(100))
        {
            yield return "PollingInterval must be at least 100 ms.";
        }

        if (!string.Equals(Driver, FakeDriver, StringComparison.OrdinalIgnoreCase) && !UsesLibvirt)
        {
            yield return $"Driver '{Driver}' is unknown; supported: {FakeDriver}, {LibvirtDriver}.";
        }

        if (UsesLibvirt && ResolveNodeNames().Count > 1)
        {
            // Every node would share the host's one hypervisor and see each other's domains.
            yield return $"The {LibvirtDriver} driver runs one node per agent process; host many nodes with {FakeDriver}.";
        }

        if (!Network.NetworkDriverFactory.Known.Contains(NetworkDriver))
        {
            yield return $"NetworkDriver '{NetworkDriver}' is unknown; supported: {string.Join(", ", Network.NetworkDriverFactory.Known)}.";
        }

        if (!string.Equals(StorageDriver, "Fake", StringComparison.OrdinalIgnoreCase) && !string.Equals(StorageDriver, "File", StringComparison.OrdinalIgnoreCase))
        {
            yield return $"StorageDriver '{StorageDriver}' is unknown; supported: Fake, File.";
        }
    }
}

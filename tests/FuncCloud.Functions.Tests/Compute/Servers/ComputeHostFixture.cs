using System.Globalization;
using FuncCloud.Agent.Compute.Fake;
using FuncCloud.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FuncCloud.Functions.Tests.Compute.Servers;

/// <summary>
/// The whole compute path in one process: a LocalHost with identity, Glance, the Nova API and the durable
/// workflows, the test image <see cref="ImageId"/> seeded into Glance's store (public, active), plus a real
/// agent host (AddFuncCloudAgent, Fake driver) for <see cref="Nodes"/>, registering through the API with the
/// bootstrap's agent credential.
/// </summary>
public class ComputeHostFixture() : AgentHostFixture(AgentPassword, "funccloud-compute-test-"), Xunit.IAsyncLifetime
{
    public const string AgentPassword = "agent-pass-for-tests";
    public const string ImageId = "9f0a8b2c-1d3e-4f5a-8b7c-6d5e4f3a2b1c";
    public const string ImageName = "cirros-test";

    private FakeDriverFactory? _drivers;

    /// <summary>The Fake nodes the agent hosts.</summary>
    public virtual IReadOnlyList<string> Nodes => ["local"];

    /// <summary>Per-node Fake capacity: vCPUs, RAM MiB, disk GiB.</summary>
    public virtual (int Vcpus, int MemoryMb, int DiskGb) NodeCapacity => (16, 32768, 500);

    /// <summary>Agent settings layered over the defaults (e.g. Fake latency).</summary>
    protected virtual IDictionary<string, string?> AgentSettings => new Dictionary<string, string?>();

    /// <summary>The Fake drivers (they outlive agent restarts, as hypervisors outlive their agent).</summary>
    public FakeDriverFactory Drivers => _drivers!;

    /// <summary>
    /// How long a node may miss heartbeats before the scheduler calls it down. A minute (nova's service_down_time):
    /// on a loaded machine the in-process agent's 1 s heartbeat was seen 13 s late, and with 6 s a boot then failed
    /// "No valid host ... local is down". Fixtures whose tests stop the agent to see the node go down use 6 s.
    /// </summary>
    protected virtual string NodeDownAfter => "00:01:00";

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["FuncCloud:Compute:AgentTimeoutSeconds"] = "60";
            settings["FuncCloud:Compute:Nodes:DownAfter"] = NodeDownAfter;
            settings["FuncCloud:Compute:Placement:RamAllocationRatio"] = "1.0";
            settings["FuncCloud:Compute:Placement:ReservedHostMemoryMb"] = "0";
            settings["FuncCloud:Compute:Scheduler:HostSubsetSize"] = "3";
            settings["Logging:LogLevel:FuncCloud"] = "Warning";
            return settings;
        }
    }

    protected override IDictionary<string, string?> AgentConfiguration
    {
        get
        {
            var settings = new Dictionary<string, string?>
            {
                ["FuncCloud:Agent:HeartbeatInterval"] = "00:00:01",
                ["FuncCloud:Agent:MaxRetryBackoff"] = "00:00:02",
                ["FuncCloud:Agent:MinPollInterval"] = "00:00:00.050",
                ["FuncCloud:Agent:MaxPollInterval"] = "00:00:00.300",
                ["FuncCloud:Agent:VisibilityTimeout"] = "00:00:04",
                ["FuncCloud:Agent:ReconcileInterval"] = "01:00:00",
                ["FuncCloud:Agent:MaxConcurrentCommands"] = "8",
                ["FuncCloud:Agent:JournalFlushToDisk"] = "false",
                ["FuncCloud:Agent:Fake:Vcpus"] = NodeCapacity.Vcpus.ToString(CultureInfo.InvariantCulture),
                ["FuncCloud:Agent:Fake:MemoryMb"] = NodeCapacity.MemoryMb.ToString(CultureInfo.InvariantCulture),
                ["FuncCloud:Agent:Fake:DiskGb"] = NodeCapacity.DiskGb.ToString(CultureInfo.InvariantCulture),
            };
            for (var i = 0; i < Nodes.Count; i++)
            {
                settings[$"FuncCloud:Agent:Nodes:{i}"] = Nodes[i];
            }

            foreach (var (key, value) in AgentSettings)
            {
                settings[key] = value;
            }

            return settings;
        }
    }

    public new async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await TestImages.SeedAsync(Services, ImageId, ImageName);
        await StartAgentAsync();
        await Poll.UntilAsync(async () =>
        {
            var nodes = await Services.GetRequiredService<FuncCloud.Shared.Compute.Nodes.ComputeNodeRepository>().ListAsync(CancellationToken.None);
            return Nodes.All(n => nodes.Any(r => r.Name == n));
        }, "every agent node registered", TimeSpan.FromSeconds(60));
    }

    // A restarted agent gets the same Fake drivers, so instances survive it.
    protected override void ConfigureAgentServices(IServiceCollection services)
    {
        if (_drivers is not null)
        {
            services.AddSingleton(_drivers);
        }
    }

    protected override void OnAgentBuilt(IServiceProvider services) => _drivers ??= services.GetRequiredService<FakeDriverFactory>();
}

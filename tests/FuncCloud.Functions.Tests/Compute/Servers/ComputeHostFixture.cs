using System.Reflection;
using FuncCloud.Agent.Hosting;
using FuncCloud.Durable;
using FuncCloud.Shared.Storage;
using FuncCloud.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FuncCloud.Functions.Tests.Compute.Servers;

/// <summary>
/// The whole compute path in one process: a LocalHost with identity, Glance, the Nova API and the durable
/// workflows, the test image <see cref="ImageId"/> seeded into Glance's store (public, active), plus a real
/// agent host (AddFuncCloudAgent, Fake driver) for <see cref="Nodes"/>, registering through the API with the
/// bootstrap's agent credential.
/// </summary>
public class ComputeHostFixture : IdentityHostFixture, Xunit.IAsyncLifetime
{
    public const string AgentPassword = "agent-pass-for-tests";
    public const string ImageId = "9f0a8b2c-1d3e-4f5a-8b7c-6d5e4f3a2b1c";
    public const string ImageName = "cirros-test";

    private IHost? _agent;

    /// <summary>The Fake nodes the agent hosts.</summary>
    public virtual IReadOnlyList<string> Nodes => ["local"];

    /// <summary>Per-node Fake capacity: vCPUs, RAM MiB, disk GiB.</summary>
    public virtual (int Vcpus, int MemoryMb, int DiskGb) NodeCapacity => (16, 32768, 500);

    /// <summary>Agent settings layered over the defaults (e.g. Fake latency).</summary>
    protected virtual IDictionary<string, string?> AgentSettings => new Dictionary<string, string?>();

    /// <summary>The agent's state folder (journals).</summary>
    public string AgentState { get; } = Directory.CreateTempSubdirectory("funccloud-compute-test-").FullName;

    protected override IEnumerable<Assembly> FunctionAssemblies => [.. base.FunctionAssemblies, typeof(DurableAssembly).Assembly];

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["FuncCloud:Bootstrap:AgentPassword"] = AgentPassword;
            settings["FuncCloud:Compute:AgentTimeoutSeconds"] = "60";
            settings["FuncCloud:Compute:Nodes:DownAfter"] = "00:00:06";
            settings["FuncCloud:Compute:Placement:RamAllocationRatio"] = "1.0";
            settings["FuncCloud:Compute:Placement:ReservedHostMemoryMb"] = "0";
            settings["FuncCloud:Compute:Scheduler:HostSubsetSize"] = "3";
            settings["Logging:LogLevel:FuncCloud"] = "Warning";
            return settings;
        }
    }

    protected override void ConfigureServices(WebApplicationBuilder builder)
    {
        base.ConfigureServices(builder);
        builder.Services.AddFuncCloudDurable(builder.Configuration);
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

    /// <summary>Starts (or restarts) the agent host; its journals survive in <see cref="AgentState"/>.</summary>
    public async Task StartAgentAsync()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        var settings = new Dictionary<string, string?>
        {
            [StorageOptions.ConnectionSettingName] = ConnectionString,
            ["FuncCloud:Storage:Prefix"] = Id,
            ["FuncCloud:Agent:StateFolder"] = AgentState,
            ["FuncCloud:Agent:HeartbeatInterval"] = "00:00:01",
            ["FuncCloud:Agent:MaxRetryBackoff"] = "00:00:02",
            ["FuncCloud:Agent:MinPollInterval"] = "00:00:00.050",
            ["FuncCloud:Agent:MaxPollInterval"] = "00:00:00.300",
            ["FuncCloud:Agent:VisibilityTimeout"] = "00:00:04",
            ["FuncCloud:Agent:ReconcileInterval"] = "01:00:00",
            ["FuncCloud:Agent:MaxConcurrentCommands"] = "8",
            ["FuncCloud:Agent:JournalFlushToDisk"] = "false",
            ["FuncCloud:Agent:Api:Endpoint"] = BaseAddress.ToString(),
            ["FuncCloud:Agent:Api:AuthUrl"] = AuthUrl,
            ["FuncCloud:Agent:Api:Password"] = AgentPassword,
            ["FuncCloud:Agent:Fake:Vcpus"] = NodeCapacity.Vcpus.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["FuncCloud:Agent:Fake:MemoryMb"] = NodeCapacity.MemoryMb.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["FuncCloud:Agent:Fake:DiskGb"] = NodeCapacity.DiskGb.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        for (var i = 0; i < Nodes.Count; i++)
        {
            settings[$"FuncCloud:Agent:Nodes:{i}"] = Nodes[i];
        }

        foreach (var (key, value) in AgentSettings)
        {
            settings[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        if (_drivers is not null)
        {
            builder.Services.AddSingleton(_drivers);
        }

        builder.Services.AddFuncCloudAgent(builder.Configuration);
        _agent = builder.Build();
        _drivers ??= _agent.Services.GetRequiredService<FuncCloud.Agent.Compute.Fake.FakeDriverFactory>();
        await _agent.StartAsync();
    }

    private FuncCloud.Agent.Compute.Fake.FakeDriverFactory? _drivers;

    /// <summary>The Fake drivers (they outlive agent restarts, as hypervisors outlive their agent).</summary>
    public FuncCloud.Agent.Compute.Fake.FakeDriverFactory Drivers => _drivers!;

    /// <summary>Stops the agent host (kills the node's agent).</summary>
    public async Task StopAgentAsync(TimeSpan? timeout = null)
    {
        if (_agent is not null)
        {
            await _agent.StopAsync(timeout ?? TimeSpan.FromSeconds(10));
            _agent.Dispose();
            _agent = null;
        }
    }

    public new async Task DisposeAsync()
    {
        await StopAgentAsync();
        await base.DisposeAsync();
        try
        {
            Directory.Delete(AgentState, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}

using System.Globalization;
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

namespace FuncCloud.Benchmarks.Compute;

/// <summary>A LocalHost with the compute workflows plus an in-process agent hosting N Fake nodes.</summary>
public sealed class ComputeBenchmarkHost : IdentityHostFixture, IAsyncDisposable
{
    public const string ImageId = "5b1c4f3e-be7c-4c0d-9a7e-000000000001";
    private const string AgentPassword = "bench-agent-pass";
    private readonly int _nodes;
    private readonly int _servers;
    private readonly string _state = Directory.CreateTempSubdirectory("funccloud-bench-agent-").FullName;
    private IHost? _agent;

    private ComputeBenchmarkHost(int nodes, int servers) => (_nodes, _servers) = (nodes, servers);

    protected override IEnumerable<Assembly> FunctionAssemblies => [.. base.FunctionAssemblies, typeof(DurableAssembly).Assembly];

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["Logging:LogLevel:Default"] = "Warning";
            settings["FuncCloud:Bootstrap:AgentPassword"] = AgentPassword;
            settings["FuncCloud:Compute:Quotas:Instances"] = (_servers + 10).ToString(CultureInfo.InvariantCulture);
            settings["FuncCloud:Compute:Quotas:Cores"] = "100000";
            settings["FuncCloud:Compute:Quotas:Ram"] = "100000000";
            settings["FuncCloud:Compute:Scheduler:HostSubsetSize"] = "4";
            return settings;
        }
    }

    protected override void ConfigureServices(WebApplicationBuilder builder)
    {
        base.ConfigureServices(builder);
        builder.Services.AddFuncCloudDurable(builder.Configuration);
    }

    public static async Task<ComputeBenchmarkHost> StartAsync(int nodes, int servers)
    {
        var host = new ComputeBenchmarkHost(nodes, servers);
        await host.InitializeAsync();
        await TestImages.SeedAsync(host.Services, ImageId, "bench");
        await host.StartAgentAsync();
        var repository = host.Services.GetRequiredService<FuncCloud.Shared.Compute.Nodes.ComputeNodeRepository>();
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while ((await repository.ListAsync(CancellationToken.None)).Count < nodes && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
        }

        return host;
    }

    private async Task StartAgentAsync()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [StorageOptions.ConnectionSettingName] = ConnectionString,
            ["FuncCloud:Storage:Prefix"] = Id,
            ["FuncCloud:Agent:StateFolder"] = _state,
            ["FuncCloud:Agent:NodeCount"] = _nodes.ToString(CultureInfo.InvariantCulture),
            ["FuncCloud:Agent:HeartbeatInterval"] = "00:00:05",
            ["FuncCloud:Agent:MaxPollInterval"] = "00:00:00.500",
            ["FuncCloud:Agent:JournalFlushToDisk"] = "false",
            ["FuncCloud:Agent:MaxConcurrentCommands"] = "8",
            ["FuncCloud:Agent:Api:Endpoint"] = BaseAddress.ToString(),
            ["FuncCloud:Agent:Api:AuthUrl"] = AuthUrl,
            ["FuncCloud:Agent:Api:Password"] = AgentPassword,
        });
        builder.Logging.ClearProviders();
        builder.Services.AddFuncCloudAgent(builder.Configuration);
        _agent = builder.Build();
        await _agent.StartAsync();
    }

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        if (_agent is not null)
        {
            await _agent.StopAsync(TimeSpan.FromSeconds(10));
            _agent.Dispose();
        }

        await DisposeAsync();
        Directory.Delete(_state, recursive: true);
    }
}

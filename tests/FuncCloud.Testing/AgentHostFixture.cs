using System.Reflection;
using FuncCloud.Agent.Hosting;
using FuncCloud.Durable;
using FuncCloud.Shared.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FuncCloud.Testing;

/// <summary>
/// The compute path in one process: a LocalHost with identity and the durable workflows, plus a real agent
/// host (<c>AddFuncCloudAgent</c>) on the same Azurite and storage prefix, registering through the API with
/// the bootstrap's agent credential. Derive to choose the agent's nodes and timings.
/// </summary>
public abstract class AgentHostFixture : IdentityHostFixture, Xunit.IAsyncLifetime
{
    private readonly string _agentPassword;
    private IHost? _agent;

    /// <summary>A fixture whose agent signs in with <paramref name="agentPassword"/> and journals under a temp folder.</summary>
    protected AgentHostFixture(string agentPassword, string stateFolderPrefix)
    {
        _agentPassword = agentPassword;
        AgentState = Directory.CreateTempSubdirectory(stateFolderPrefix).FullName;
    }

    /// <summary>The agent's state folder (journals).</summary>
    public string AgentState { get; }

    /// <inheritdoc />
    protected override IEnumerable<Assembly> FunctionAssemblies => [.. base.FunctionAssemblies, typeof(DurableAssembly).Assembly];

    /// <inheritdoc />
    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["FuncCloud:Bootstrap:AgentPassword"] = _agentPassword;
            return settings;
        }
    }

    /// <summary>Agent settings layered over the connection, state folder and API credential (nodes, timings...).</summary>
    protected abstract IDictionary<string, string?> AgentConfiguration { get; }

    /// <inheritdoc />
    protected override void ConfigureServices(WebApplicationBuilder builder)
    {
        base.ConfigureServices(builder);
        builder.Services.AddFuncCloudDurable(builder.Configuration);
    }

    /// <summary>Registers services the agent host should use instead of its own (called before <c>AddFuncCloudAgent</c>).</summary>
    protected virtual void ConfigureAgentServices(IServiceCollection services)
    {
    }

    /// <summary>Called with the agent host's services once it is built, before it starts.</summary>
    protected virtual void OnAgentBuilt(IServiceProvider services)
    {
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
            ["FuncCloud:Agent:Api:Endpoint"] = BaseAddress.ToString(),
            ["FuncCloud:Agent:Api:AuthUrl"] = AuthUrl,
            ["FuncCloud:Agent:Api:Password"] = _agentPassword,
        };
        foreach (var (key, value) in AgentConfiguration)
        {
            settings[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        ConfigureAgentServices(builder.Services);
        builder.Services.AddFuncCloudAgent(builder.Configuration);
        _agent = builder.Build();
        OnAgentBuilt(_agent.Services);
        await _agent.StartAsync();
    }

    /// <summary>The running agent host's services (null while it is stopped).</summary>
    public IServiceProvider? AgentServices => _agent?.Services;

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

    /// <summary>Stops the agent, then the LocalHost, and removes the agent's state folder.</summary>
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

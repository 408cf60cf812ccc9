using System.Reflection;
using FuncCloud.LocalHost.Hosting;
using Microsoft.AspNetCore.Builder;
using Xunit;

namespace FuncCloud.Testing;

/// <summary>
/// A LocalHost for one test class: the shared Azurite, its own durable task hub and its own queue/table
/// prefix (so classes running in parallel never see each other's messages or state), Kestrel on a free
/// loopback port. Derive to choose the function assemblies and extra services.
/// </summary>
public abstract class LocalHostFixture : IAsyncLifetime
{
    private LocalHostInstance? _host;

    /// <summary>A short unique id for this fixture: the suffix of the hub name and the storage prefix.</summary>
    public string Id { get; } = "t" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>The task hub of this fixture.</summary>
    public string HubName => "hub" + Id;

    /// <summary>The Azurite connection string.</summary>
    public string ConnectionString { get; private set; } = string.Empty;

    /// <summary>The base address, e.g. http://127.0.0.1:41234.</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1");

    /// <summary>The running host's services.</summary>
    public IServiceProvider Services => _host?.Services ?? throw new InvalidOperationException("The host is not started.");

    /// <summary>A client pointed at the host.</summary>
    public HttpClient Client { get; private set; } = new();

    /// <summary>The assemblies whose functions the host runs.</summary>
    protected abstract IEnumerable<Assembly> FunctionAssemblies { get; }

    /// <summary>Settings layered over host.json and the defaults (e.g. queue back-off for tests).</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>Registers the services the functions need.</summary>
    protected virtual void ConfigureServices(WebApplicationBuilder builder)
    {
    }

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        ConnectionString = (await AzuriteServer.GetAsync()).ConnectionString;
        var settings = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = ConnectionString,
            ["FuncCloud:Storage:Prefix"] = Id,
            [$"{HostJsonConfiguration.Section}:extensions:durableTask:hubName"] = HubName,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }

        _host = await LocalHostInstance.StartAsync(FunctionAssemblies, settings, ConfigureServices, $"{GetType().Name}-{Id}");
        BaseAddress = _host.BaseAddress;
        Client = _host.Client;
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
        else
        {
            Client.Dispose();
        }
    }
}

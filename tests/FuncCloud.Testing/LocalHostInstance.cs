using System.Reflection;
using FuncCloud.LocalHost.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace FuncCloud.Testing;

/// <summary>
/// One running LocalHost web app: host.json of the repository, the given settings layered over it, Kestrel on a
/// free loopback port. <see cref="LocalHostFixture"/> starts one per test class; replica tests start several with
/// identical settings (same hub, same storage prefix) to run them as replicas of one app.
/// </summary>
public sealed class LocalHostInstance : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly FileLoggerProvider _log;
    private bool _stopped;

    private LocalHostInstance(WebApplication app, FileLoggerProvider log, Uri baseAddress)
    {
        _app = app;
        _log = log;
        BaseAddress = baseAddress;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>The base address, e.g. http://127.0.0.1:41234.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The running host's services.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>A client pointed at the host.</summary>
    public HttpClient Client { get; }

    /// <summary>Builds and starts a host running the functions of <paramref name="functionAssemblies"/>.</summary>
    /// <param name="functionAssemblies">The assemblies whose functions the host runs.</param>
    /// <param name="settings">Configuration layered over host.json (connection string, prefix, hub, ...).</param>
    /// <param name="configureServices">Registers the services the functions need.</param>
    /// <param name="logName">The name of the host's log file under <see cref="TestLogFiles"/> (default: a fresh id).</param>
    public static async Task<LocalHostInstance> StartAsync(
        IEnumerable<Assembly> functionAssemblies, IDictionary<string, string?> settings, Action<WebApplicationBuilder>? configureServices = null, string? logName = null)
    {
        var hostJson = System.IO.Path.Combine(RepositoryRoot.Path, "host.json");
        var builder = LocalFunctionHost.CreateBuilder([], functionAssemblies, hostJson);
        builder.Configuration.AddInMemoryCollection(settings);

        // The console goes nowhere under the test runner: the host's warnings and errors go to a file a failed
        // run keeps (TestResults/hosts/), so a 500 or a stuck workflow shows its cause.
        var log = new FileLoggerProvider(TestLogFiles.PathFor(logName ?? "localhost-" + Guid.NewGuid().ToString("N")[..10]));
        builder.Logging.AddProvider(log);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        configureServices?.Invoke(builder);
        var app = builder.Build();
        app.MapLocalFunctions();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LocalHostInstance(app, log, new Uri(address));
    }

    /// <summary>Stops the host gracefully (hosted services stop, leases are released); idempotent.</summary>
    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        await _app.StopAsync();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await StopAsync();
        await _app.DisposeAsync();
        _log.Dispose();
    }
}

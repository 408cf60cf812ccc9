using System.Reflection;
using FuncCloud.Durable;
using FuncCloud.Testing;
using Microsoft.AspNetCore.Builder;

namespace FuncCloud.Benchmarks.Volume;

/// <summary>A bootstrapped LocalHost with the durable workflows (volume create/delete) on in-memory Azurite.</summary>
public sealed class VolumeBenchmarkHost : IdentityHostFixture, IAsyncDisposable
{
    /// <inheritdoc />
    protected override IEnumerable<Assembly> FunctionAssemblies => [.. base.FunctionAssemblies, typeof(DurableAssembly).Assembly];

    /// <inheritdoc />
    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["Logging:LogLevel:Default"] = "Warning";
            return settings;
        }
    }

    /// <inheritdoc />
    protected override void ConfigureServices(WebApplicationBuilder builder)
    {
        base.ConfigureServices(builder);
        builder.Services.AddFuncCloudDurable(builder.Configuration);
    }

    /// <summary>Starts the host.</summary>
    public static async Task<VolumeBenchmarkHost> StartAsync()
    {
        var host = new VolumeBenchmarkHost();
        await host.InitializeAsync();
        return host;
    }

    /// <inheritdoc />
    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();
}

using FuncCloud.Testing;

namespace FuncCloud.Benchmarks;

/// <summary>A bootstrapped LocalHost on in-memory Azurite, for runs without <c>--url</c>.</summary>
public sealed class BenchmarkHost : IdentityHostFixture, IAsyncDisposable
{
    private readonly string _cost;

    private BenchmarkHost(string cost) => _cost = cost;

    /// <inheritdoc />
    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["FuncCloud:Identity:PasswordHashCost"] = _cost;
            settings["Logging:LogLevel:Default"] = "Warning";
            return settings;
        }
    }

    /// <summary>Starts the host.</summary>
    public static async Task<BenchmarkHost> StartAsync(string cost)
    {
        var host = new BenchmarkHost(cost);
        await host.InitializeAsync();
        return host;
    }

    /// <inheritdoc />
    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();
}

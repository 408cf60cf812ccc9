using FuncCloud.Testing;

namespace FuncCloud.Benchmarks.Monitor;

/// <summary>A LocalHost with the workflows (no agent: the seeded workflows never run) on in-memory Azurite.</summary>
public sealed class MonitorBenchmarkHost() : AgentHostFixture("bench-agent-pass", "funccloud-bench-monitor-"), IAsyncDisposable
{
    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["Logging:LogLevel:Default"] = "Warning";
            settings["FuncCloud:Identity:PasswordHashCost"] = "4";
            return settings;
        }
    }

    protected override IDictionary<string, string?> AgentConfiguration => new Dictionary<string, string?>();

    public static async Task<MonitorBenchmarkHost> StartAsync()
    {
        var host = new MonitorBenchmarkHost();
        await host.InitializeAsync();
        return host;
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();
}

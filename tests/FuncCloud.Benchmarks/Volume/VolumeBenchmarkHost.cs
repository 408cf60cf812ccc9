using FuncCloud.Shared.Volume.Pools;
using FuncCloud.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FuncCloud.Benchmarks.Volume;

/// <summary>
/// A bootstrapped LocalHost with the durable workflows on in-memory Azurite, plus an agent with one storage node
/// (<c>local</c>, the volume driver from <c>FUNCCLOUD_STORAGE_DRIVER</c>: Fake unless <c>file</c>) reporting its pool;
/// the node is a Fake compute node too, for the attach/detach scenario's server.
/// </summary>
public sealed class VolumeBenchmarkHost() : AgentHostFixture("agent-pass-for-volume-bench", "funccloud-volume-bench-"), IAsyncDisposable
{
    /// <summary>The image the attach scenario's server boots from (seeded into Glance's store).</summary>
    public const string ImageId = "5b1c4f3e-be7c-4c0d-9a7e-0000000000a1";

    /// <summary>The volume driver the storage node runs.</summary>
    public static string StorageDriver =>
        string.Equals(Environment.GetEnvironmentVariable("FUNCCLOUD_STORAGE_DRIVER"), "file", StringComparison.OrdinalIgnoreCase) ? "File" : "Fake";

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
    protected override IDictionary<string, string?> AgentConfiguration => new Dictionary<string, string?>
    {
        ["FuncCloud:Agent:NodeName"] = "local",
        ["FuncCloud:Agent:Roles:0"] = "compute",
        ["FuncCloud:Agent:Roles:1"] = "storage",
        ["FuncCloud:Agent:StorageDriver"] = StorageDriver,
        ["FuncCloud:Agent:HeartbeatInterval"] = "00:00:05",
        ["FuncCloud:Agent:MaxPollInterval"] = "00:00:00.500",
        ["FuncCloud:Agent:JournalFlushToDisk"] = "false",
        ["FuncCloud:Agent:MaxConcurrentCommands"] = "16",
    };

    /// <summary>Starts the host and the agent, and waits for the node's pool.</summary>
    public static async Task<VolumeBenchmarkHost> StartAsync()
    {
        var host = new VolumeBenchmarkHost();
        await host.InitializeAsync();
        await TestImages.SeedAsync(host.Services, ImageId, "bench");
        await host.StartAgentAsync();
        var pools = host.Services.GetRequiredService<StoragePoolRepository>();
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while ((await pools.ListAsync(CancellationToken.None)).All(p => p.Node is null))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The storage node did not report its pool within 2 minutes.");
            }

            await Task.Delay(200);
        }

        return host;
    }

    /// <inheritdoc />
    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();
}

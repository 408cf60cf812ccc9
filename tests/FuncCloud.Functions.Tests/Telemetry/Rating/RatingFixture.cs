using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using FuncCloud.Functions.Tests.Compute.Servers;
using FuncCloud.Shared.Compute.Servers;
using FuncCloud.Shared.Volume.Pools;
using FuncCloud.Testing;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace FuncCloud.Functions.Tests.Telemetry.Rating;

/// <summary>
/// A whole cloud where one project ran things once, through the real CLI: demo boots <c>r-tiny</c> (m1.tiny) and
/// <c>r-small</c> (m1.small), makes a 1 GiB volume and extends it to 2, allocates a floating IP and stores a 1 MiB
/// object; admin boots <c>r-admin</c> and allocates a floating IP (the other project). Then a window
/// [<see cref="Ran.Start"/>, <see cref="Ran.End"/>] after every start and before any end, wholly in the past, over
/// which every rated quantity is exact. The agent is a compute and a storage node (Fake drivers); prices are set.
/// </summary>
public sealed class RatingFixture : ComputeHostFixture
{
    public const string ReaderName = "rating-reader";
    public const string ReaderPassword = "rating-reader-pass";
    public const int ObjectBytes = 1 << 20;
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(4);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Ran? _ran;

    /// <summary>What ran, and the exact window.</summary>
    public sealed record Ran(
        string Tiny, string Small, string VolumeId, string FloatingIpId, string AdminServer, string AdminFloatingIpId,
        string DemoProjectId, string AdminProjectId, DateTimeOffset Start, DateTimeOffset End);

    public IDictionary<string, string> Demo => DemoEnvironment;

    public IDictionary<string, string> Admin => AdminEnvironment;

    public IDictionary<string, string> Reader => PasswordEnvironment(ReaderName, ReaderPassword, "demo");

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["FuncCloud:Bootstrap:Network:Enabled"] = "true";
            settings["Rating:Currency"] = "EUR";
            settings["Rating:Flavors:m1.tiny"] = "0.01";
            settings["Rating:Flavors:m1.small"] = "0.04";
            settings["Rating:VolumeGbHour"] = "0.001";
            settings["Rating:ObjectGbHour"] = "0.002";
            settings["Rating:FloatingIpHour"] = "0.005";
            return settings;
        }
    }

    protected override IDictionary<string, string?> AgentSettings => new Dictionary<string, string?>
    {
        ["FuncCloud:Agent:Roles:0"] = "compute",
        ["FuncCloud:Agent:Roles:1"] = "storage",
        ["FuncCloud:Agent:StorageDriver"] = "Fake",
        ["FuncCloud:Agent:Storage:CapacityGb"] = "100",
    };

    /// <summary>Runs everything once (the first test to ask pays) and waits until the window is in the past.</summary>
    public async Task<Ran> EnsureAsync()
    {
        await _gate.WaitAsync();
        try
        {
            _ran ??= await RunAsync();
            var end = _ran.End;
            await Poll.UntilAsync(() => Task.FromResult(DateTimeOffset.UtcNow > end.AddMilliseconds(200)), "the window is in the past", TimeSpan.FromSeconds(30));
            return _ran;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>GET <paramref name="pathAndQuery"/> (under <c>/metric</c>) as <paramref name="environment"/>'s user; the status and text.</summary>
    public async Task<(int Status, string Text, string? ContentType)> GetAsync(IDictionary<string, string>? environment, string pathAndQuery, string? accept = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metric" + pathAndQuery);
        if (environment is not null)
        {
            request.Headers.Add("X-Auth-Token", await TokenAsync(environment["OS_USERNAME"], environment["OS_PASSWORD"], environment["OS_PROJECT_NAME"]));
        }

        if (accept is not null)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        }

        var response = await Client.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>The window as query text (whole seconds, UTC).</summary>
    public static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private async Task<Ran> RunAsync()
    {
        await OkAsync(Admin, "user", "create", "--domain", "Default", "--password", ReaderPassword, ReaderName);
        await OkAsync(Admin, "role", "add", "--user", ReaderName, "--project", "demo", "reader");
        await Poll.UntilAsync(
            async () => (await Services.GetRequiredService<StoragePoolRepository>().ListAsync(CancellationToken.None)).Any(p => p.Node is not null),
            "the storage node reported its pool", TimeSpan.FromMinutes(2));

        var tiny = await BootAsync(Demo, "m1.tiny", "r-tiny");
        var small = await BootAsync(Demo, "m1.small", "r-small");
        var volume = (await JsonAsync(Demo, "volume", "create", "--size", "1", "r-vol", "-f", "json")).GetProperty("id").GetString()!;
        await VolumeAsync(volume, 1);
        await OkAsync(Demo, "volume", "set", "--size", "2", volume);
        await VolumeAsync(volume, 2);
        var fip = (await JsonAsync(Demo, "floating", "ip", "create", "public", "-f", "json")).GetProperty("id").GetString()!;
        await OkAsync(Demo, "container", "create", "r-bills");
        var file = Path.Combine(Path.GetTempPath(), "rating-" + Guid.NewGuid().ToString("N"));
        await File.WriteAllBytesAsync(file, new byte[ObjectBytes]);
        try
        {
            await OkAsync(Demo, "object", "create", "--name", "report.bin", "r-bills", file);
        }
        finally
        {
            File.Delete(file);
        }

        var adminServer = await BootAsync(Admin, "m1.tiny", "r-admin");
        var adminFip = (await JsonAsync(Admin, "floating", "ip", "create", "public", "-f", "json")).GetProperty("id").GetString()!;

        var servers = Services.GetRequiredService<ServerRepository>();
        var demoProject = (await servers.FindAsync(tiny, CancellationToken.None))!.ProjectId;
        var adminProject = (await servers.FindAsync(adminServer, CancellationToken.None))!.ProjectId;
        var now = DateTimeOffset.UtcNow;
        var start = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero).AddSeconds(2);
        return new Ran(tiny, small, volume, fip, adminServer, adminFip, demoProject, adminProject, start, start + Window);
    }

    private async Task VolumeAsync(string id, int size) =>
        await Poll.UntilAsync(async () =>
        {
            var shown = await JsonAsync(Demo, "volume", "show", id, "-f", "json");
            return shown.GetProperty("status").GetString() == "available" && shown.GetProperty("size").GetInt32() == size;
        }, $"volume {id} available at {size} GiB", TimeSpan.FromMinutes(2));

    private static async Task<string> BootAsync(IDictionary<string, string> environment, string flavor, string name)
    {
        var server = await JsonAsync(new Dictionary<string, string>(environment) { ["OS_COMPUTE_API_VERSION"] = "2.79" },
            "server", "create", "--flavor", flavor, "--image", ImageId, "--nic", "none", "--wait", name, "-f", "json");
        server.GetProperty("status").GetString().ShouldBe("ACTIVE");
        return server.GetProperty("id").GetString()!;
    }

    public static async Task<JsonElement> JsonAsync(IDictionary<string, string> environment, params string[] args)
    {
        var result = await OpenStackCli.RunAsync(environment, args);
        result.ExitCode.ShouldBe(0, result.ToString());
        return result.Json;
    }

    public static async Task OkAsync(IDictionary<string, string> environment, params string[] args)
    {
        var result = await OpenStackCli.RunAsync(environment, args);
        result.ExitCode.ShouldBe(0, result.ToString());
    }
}

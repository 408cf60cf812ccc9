using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using FuncCloud.Shared.Volume.Pools;
using FuncCloud.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FuncCloud.Functions.Tests.Volume;

/// <summary>
/// A bootstrapped LocalHost with identity, Glance, the block storage API and the durable workflows, plus a real
/// agent host whose <see cref="StorageNodes"/> carry the <c>storage</c> role (Fake volume driver,
/// <see cref="StorageCapacityGb"/> each) and report their pools through the API (one 1000 GB node unless a
/// derived fixture says otherwise).
/// </summary>
public class VolumeHostFixture() : AgentHostFixture(AgentPassword, "funccloud-volume-test-"), Xunit.IAsyncLifetime
{
    /// <summary>The agent's credential.</summary>
    public const string AgentPassword = "agent-pass-for-volume-tests";

    /// <summary>A public, active Glance image (1 KiB raw) for volumes from images.</summary>
    public const string ImageId = "4d2c7f0e-8a51-4b6e-9f3a-2e1d0c9b8a71";

    /// <summary>The image's name.</summary>
    public const string ImageName = "volume-test-image";

    /// <summary>The storage nodes the agent hosts.</summary>
    public virtual IReadOnlyList<string> StorageNodes => ["node-1"];

    /// <summary>The storage nodes' volume driver (<c>Fake</c> or <c>File</c>).</summary>
    public virtual string StorageDriver => "Fake";

    /// <summary>The pool size each storage node reports.</summary>
    public virtual int StorageCapacityGb => 1000;

    /// <inheritdoc />
    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["FuncCloud:Compute:Nodes:DownAfter"] = "00:00:30";
            settings["Logging:LogLevel:FuncCloud"] = "Warning";
            return settings;
        }
    }

    /// <inheritdoc />
    protected override IDictionary<string, string?> AgentConfiguration
    {
        get
        {
            var settings = new Dictionary<string, string?>
            {
                ["FuncCloud:Agent:Roles:0"] = "storage",
                ["FuncCloud:Agent:StorageDriver"] = StorageDriver,
                ["FuncCloud:Agent:Storage:CapacityGb"] = StorageCapacityGb.ToString(CultureInfo.InvariantCulture),
                ["FuncCloud:Agent:HeartbeatInterval"] = "00:00:02",
                ["FuncCloud:Agent:MaxRetryBackoff"] = "00:00:02",
                ["FuncCloud:Agent:MinPollInterval"] = "00:00:00.050",
                ["FuncCloud:Agent:MaxPollInterval"] = "00:00:00.300",
                ["FuncCloud:Agent:ReconcileInterval"] = "01:00:00",
                ["FuncCloud:Agent:MaxConcurrentCommands"] = "16",
                ["FuncCloud:Agent:JournalFlushToDisk"] = "false",
                ["FuncCloud:Agent:ImageCache:Directory"] = Path.Combine(AgentState, "images"),
            };
            for (var i = 0; i < StorageNodes.Count; i++)
            {
                settings[$"FuncCloud:Agent:Nodes:{i}"] = StorageNodes[i];
            }

            return settings;
        }
    }

    /// <summary>Starts the host, seeds <see cref="ImageId"/>, starts the agent and waits for every node's pool.</summary>
    public new async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await TestImages.SeedAsync(Services, ImageId, ImageName);
        await StartAgentAsync();
        var pools = Services.GetRequiredService<StoragePoolRepository>();
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while ((await pools.ListAsync(CancellationToken.None)).Count(p => p.Node is not null) < StorageNodes.Count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The storage nodes did not report their pools within 2 minutes.");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>Sends a block storage request (path under <c>/volume</c>) with <paramref name="token"/>.</summary>
    public async Task<(int Status, JsonElement Body, HttpResponseMessage Response)> VolumeAsync(HttpMethod method, string path, string? token, string? json = null, string? version = null)
    {
        using var request = new HttpRequestMessage(method, "/volume" + path);
        if (token is not null)
        {
            request.Headers.Add("X-Auth-Token", token);
        }

        if (version is not null)
        {
            request.Headers.Add("OpenStack-API-Version", "volume " + version);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length > 0 ? JsonDocument.Parse(text).RootElement.Clone() : default, response);
    }

    /// <summary>A token and its project id for a Default-domain user.</summary>
    public async Task<(string Token, string ProjectId)> LoginAsync(string user, string password, string project)
    {
        var token = await TokenAsync(user, password, project);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/identity/v3/auth/tokens");
        request.Headers.Add("X-Auth-Token", token);
        request.Headers.Add("X-Subject-Token", token);
        var response = await Client.SendAsync(request);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return (token, body.GetProperty("token").GetProperty("project").GetProperty("id").GetString()!);
    }
}

using System.Net.Http.Headers;
using System.Reflection;
using System.Text.Json;
using FuncCloud.Durable;
using FuncCloud.Testing;
using Microsoft.AspNetCore.Builder;

namespace FuncCloud.Functions.Tests.Volume;

/// <summary>
/// A bootstrapped LocalHost with identity, Glance, the block storage API and the durable workflows; the
/// Fake backend's pools come from <see cref="Pools"/> (one 1000 GB pool unless a derived fixture says otherwise).
/// </summary>
public class VolumeHostFixture : IdentityHostFixture, Xunit.IAsyncLifetime
{
    /// <summary>A public, active Glance image (1 KiB raw) for volumes from images.</summary>
    public const string ImageId = "4d2c7f0e-8a51-4b6e-9f3a-2e1d0c9b8a71";

    /// <summary>The image's name.</summary>
    public const string ImageName = "volume-test-image";

    /// <summary>The Fake pools: host, capacity GB.</summary>
    public virtual IReadOnlyList<(string Host, int CapacityGb)> Pools => [("node-1", 1000)];

    /// <inheritdoc />
    protected override IEnumerable<Assembly> FunctionAssemblies => [.. base.FunctionAssemblies, typeof(DurableAssembly).Assembly];

    /// <inheritdoc />
    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            for (var i = 0; i < Pools.Count; i++)
            {
                settings[$"FuncCloud:Volume:FakePools:{i}:Host"] = Pools[i].Host;
                settings[$"FuncCloud:Volume:FakePools:{i}:CapacityGb"] = Pools[i].CapacityGb.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            settings["Logging:LogLevel:FuncCloud"] = "Warning";
            return settings;
        }
    }

    /// <inheritdoc />
    protected override void ConfigureServices(WebApplicationBuilder builder)
    {
        base.ConfigureServices(builder);
        builder.Services.AddFuncCloudDurable(builder.Configuration);
    }

    /// <summary>Starts the host and seeds <see cref="ImageId"/>.</summary>
    public new async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await TestImages.SeedAsync(Services, ImageId, ImageName);
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

using System.Net.Http.Headers;
using FuncCloud.Testing;

namespace FuncCloud.Functions.Tests.Image;

/// <summary>A bootstrapped LocalHost with the default image enabled, plus token helpers for raw HTTP tests.</summary>
public class ImageHostFixture : IdentityHostFixture
{
    /// <inheritdoc />
    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["FuncCloud:Bootstrap:DefaultImage:Enabled"] = "true";
            settings["FuncCloud:Bootstrap:DefaultImage:SizeBytes"] = "65536";
            return settings;
        }
    }

    /// <summary>The admin's token.</summary>
    public Task<string> AdminTokenAsync() => TokenAsync("admin", AdminPassword, "admin");

    /// <summary>The demo member's token.</summary>
    public Task<string> DemoTokenAsync() => TokenAsync("demo", DemoPassword, "demo");

    /// <summary>A client that sends <paramref name="token"/>.</summary>
    public HttpClient ClientWith(string token)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.Add("X-Auth-Token", token);
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }
}

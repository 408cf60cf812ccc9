using System.Net;
using System.Text.Json;
using Shouldly;
using Xunit;

namespace FuncCloud.Functions.Tests.Compute.Servers;

/// <summary>One roomy Fake node; the demo project may have 40 instances.</summary>
public sealed class QuotaRaceFixture : ComputeHostFixture
{
    public override (int Vcpus, int MemoryMb, int DiskGb) NodeCapacity => (256, 131072, 5000);

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["FuncCloud:Compute:Quotas:Instances"] = "40";
            settings["FuncCloud:Compute:Quotas:Cores"] = "1000";
            settings["FuncCloud:Compute:Quotas:Ram"] = "1000000";
            settings["FuncCloud:Compute:AgentTimeoutSeconds"] = "120";
            return settings;
        }
    }
}

/// <summary>Quota under concurrency: the usage counter's compare-and-swap lets exactly the quota's worth in.</summary>
public sealed class ConcurrentQuotaTests(QuotaRaceFixture host) : IClassFixture<QuotaRaceFixture>
{
    [Fact]
    public async Task CreateServer_FiftyConcurrentAgainstQuotaOfForty_ExactlyFortyAcceptedWithRealNumbers()
    {
        // Fifty creates at once on a busy 2-core machine may take minutes: a client with a generous timeout.
        var token = (await FuncCloud.Testing.OpenStackCli.RunAsync(host.DemoEnvironment, "token", "issue", "-f", "json")).Json.GetProperty("id").GetString()!;
        using var client = new HttpClient { BaseAddress = host.Client.BaseAddress, Timeout = TimeSpan.FromMinutes(10) };
        var api = new ComputeApi(client, token);
        const string Body = "{{\"server\": {{\"name\": \"race-{0}\", \"flavorRef\": \"1\", \"imageRef\": \"" + ComputeHostFixture.ImageId + "\", \"networks\": \"none\"}}}}";

        var responses = await Task.WhenAll(Enumerable.Range(1, 50).Select(async i =>
        {
            using var response = await api.SendAsync(HttpMethod.Post, "/compute/v2.1/servers", string.Format(System.Globalization.CultureInfo.InvariantCulture, Body, i));
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));

        responses.Count(r => r.StatusCode == HttpStatusCode.Accepted).ShouldBe(40, string.Join('\n', responses.Where(r => r.StatusCode != HttpStatusCode.Accepted && r.StatusCode != HttpStatusCode.Forbidden).Select(r => r.Body)));
        var refused = responses.Where(r => r.StatusCode == HttpStatusCode.Forbidden).ToList();
        refused.Count.ShouldBe(10);
        refused.ShouldAllBe(r => r.Body.Contains("Quota exceeded for instances: Requested 1, but already used 40 of 40 instances"));
        (await InstancesUsedAsync(api)).ShouldBe(40);

        // A deleted server gives its room back: the next create fits again.
        var first = JsonDocument.Parse(responses.First(r => r.StatusCode == HttpStatusCode.Accepted).Body).RootElement.GetProperty("server").GetProperty("id").GetString()!;
        await api.WaitSettledAsync(first, TimeSpan.FromMinutes(10));
        using (var deleted = await api.SendAsync(HttpMethod.Delete, $"/compute/v2.1/servers/{first}", null))
        {
            deleted.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        }

        await Poll.UntilAsync(async () => await api.ShowAsync(first) is null, $"server {first} to be deleted", TimeSpan.FromMinutes(10));
        (await InstancesUsedAsync(api)).ShouldBe(39);
        (await api.BootAsync("race-again")).ShouldNotBeNullOrEmpty();
        (await InstancesUsedAsync(api)).ShouldBe(40);
    }

    private static async Task<int> InstancesUsedAsync(ComputeApi api)
    {
        using var response = await api.SendAsync(HttpMethod.Get, "/compute/v2.1/limits", null);
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.GetProperty("limits").GetProperty("absolute").GetProperty("totalInstancesUsed").GetInt32();
    }
}

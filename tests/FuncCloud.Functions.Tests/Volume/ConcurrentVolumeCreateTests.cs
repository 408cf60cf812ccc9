using System.Text.Json;
using FuncCloud.Shared.Volume.Pools;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace FuncCloud.Functions.Tests.Volume;

/// <summary>Four storage nodes (Fake volume driver) whose pools have room for ten 1 GB volumes each: 40 in all.</summary>
public sealed class CrowdedPoolsFixture : VolumeHostFixture
{
    public override IReadOnlyList<string> StorageNodes => ["crowd-a", "crowd-b", "crowd-c", "crowd-d"];

    public override int StorageCapacityGb => 10;

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["FuncCloud:Volume:Quotas:Volumes"] = "100";
            return settings;
        }
    }
}

/// <summary>Concurrent creates never over-commit a pool: the ETag claim lets exactly the room in.</summary>
public sealed class ConcurrentVolumeCreateTests(CrowdedPoolsFixture host) : IClassFixture<CrowdedPoolsFixture>
{
    [Fact]
    public async Task Create_FiftyConcurrentOntoRoomForForty_FortyAvailableTenErrorNamingTheFilter()
    {
        var (token, project) = await host.LoginAsync("demo", VolumeHostFixture.DemoPassword, "demo");
        var ids = await Task.WhenAll(Enumerable.Range(1, 50).Select(async i =>
        {
            var created = await host.VolumeAsync(HttpMethod.Post, $"/v3/{project}/volumes", token, "{\"volume\": {\"size\": 1, \"name\": \"crowd-" + i + "\"}}");
            created.Status.ShouldBe(202, created.Body.ToString());
            return created.Body.GetProperty("volume").GetProperty("id").GetString()!;
        }));

        var settled = new Dictionary<string, JsonElement>();
        await Compute.Servers.Poll.UntilAsync(async () =>
        {
            var list = await host.VolumeAsync(HttpMethod.Get, $"/v3/{project}/volumes/detail", token);
            foreach (var volume in list.Body.GetProperty("volumes").EnumerateArray())
            {
                if (volume.GetProperty("status").GetString() is "available" or "error")
                {
                    settled[volume.GetProperty("id").GetString()!] = volume;
                }
            }

            return ids.All(settled.ContainsKey);
        }, "every volume settled", TimeSpan.FromMinutes(5));

        settled.Values.Count(v => v.GetProperty("status").GetString() == "available").ShouldBe(40);
        var errors = settled.Values.Where(v => v.GetProperty("status").GetString() == "error").Select(v => v.GetProperty("id").GetString()).ToList();
        errors.Count.ShouldBe(10);

        var messages = await host.VolumeAsync(HttpMethod.Get, $"/v3/{project}/messages", token, version: "3.3");
        messages.Status.ShouldBe(200);
        var byVolume = messages.Body.GetProperty("messages").EnumerateArray().ToDictionary(m => m.GetProperty("resource_uuid").GetString()!, m => m.GetProperty("user_message").GetString()!);
        foreach (var id in errors)
        {
            byVolume[id!].ShouldContain("No valid backend was found.");
            byVolume[id!].ShouldContain("CapacityFilter: needs 1 GB, best pool has 0 GB free");
        }

        foreach (var pool in await host.Services.GetRequiredService<StoragePoolRepository>().ListAsync(CancellationToken.None))
        {
            pool.ProvisionedGb.ShouldBe(10);
        }
    }
}

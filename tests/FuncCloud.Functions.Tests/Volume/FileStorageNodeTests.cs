using System.Text.Json;
using FuncCloud.Shared.Volume.Pools;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace FuncCloud.Functions.Tests.Volume;

/// <summary>One storage node running the File driver: volumes are real qemu-img files under the agent's state folder.</summary>
public sealed class FileStorageNodeFixture : VolumeHostFixture
{
    public override string StorageDriver => "File";

    /// <summary>The node's volume folder (<c>&lt;StateFolder&gt;/&lt;node&gt;/storage</c>).</summary>
    public string StorageFolder => Path.Combine(AgentState, StorageNodes[0], "storage");
}

/// <summary>
/// The storage role end to end: the API's workflows send create / snapshot / from-snapshot / clone / from-image /
/// extend / delete commands to the node, whose File driver makes and removes real files; nothing is left after.
/// </summary>
public sealed class FileStorageNodeTests(FileStorageNodeFixture host) : IClassFixture<FileStorageNodeFixture>
{
    private const long Gib = 1L << 30;

    [Fact]
    public async Task Volumes_OnAFileStorageNode_AreRealFilesAndNothingIsLeftAfterDelete()
    {
        var (token, project) = await host.LoginAsync("demo", VolumeHostFixture.DemoPassword, "demo");

        var v1 = await CreateAsync(token, project, "{\"volume\": {\"size\": 1, \"name\": \"file-v1\"}}");
        await WaitAsync(token, project, "volumes", v1, "available");
        (await host.Services.GetRequiredService<StoragePoolRepository>().GetAsync("node-1@file#file", CancellationToken.None))!.Claims.ShouldContainKey(v1);
        File.Exists(VolumeFile(v1)).ShouldBeTrue();

        var snapshot = await PostAsync(token, project, "/snapshots", "{\"snapshot\": {\"volume_id\": \"" + v1 + "\", \"name\": \"file-s1\"}}", "snapshot");
        await WaitAsync(token, project, "snapshots", snapshot, "available");
        File.Exists(Path.Combine(host.StorageFolder, "snapshots", snapshot + ".qcow2")).ShouldBeTrue();

        var fromSnapshot = await CreateAsync(token, project, "{\"volume\": {\"size\": 2, \"snapshot_id\": \"" + snapshot + "\"}}");
        var clone = await CreateAsync(token, project, "{\"volume\": {\"source_volid\": \"" + v1 + "\"}}");
        var fromImage = await CreateAsync(token, project, "{\"volume\": {\"size\": 1, \"imageRef\": \"" + VolumeHostFixture.ImageId + "\"}}");
        foreach (var id in new[] { fromSnapshot, clone, fromImage })
        {
            await WaitAsync(token, project, "volumes", id, "available");
            File.Exists(VolumeFile(id)).ShouldBeTrue(id);
        }

        (await VirtualSizeAsync(VolumeFile(fromSnapshot))).ShouldBe(2 * Gib);

        var extend = await host.VolumeAsync(HttpMethod.Post, $"/v3/{project}/volumes/{v1}/action", token, "{\"os-extend\": {\"new_size\": 3}}");
        extend.Status.ShouldBe(202, extend.Body.ToString());
        await Compute.Servers.Poll.UntilAsync(async () =>
        {
            var shown = await host.VolumeAsync(HttpMethod.Get, $"/v3/{project}/volumes/{v1}", token);
            return shown.Body.GetProperty("volume").GetProperty("size").GetInt32() == 3 && shown.Body.GetProperty("volume").GetProperty("status").GetString() == "available";
        }, "the extend to 3 GB", TimeSpan.FromMinutes(3));
        (await VirtualSizeAsync(VolumeFile(v1))).ShouldBe(3 * Gib);

        (await host.VolumeAsync(HttpMethod.Delete, $"/v3/{project}/snapshots/{snapshot}", token)).Status.ShouldBe(202);
        await GoneAsync(token, project, "snapshots", snapshot);
        foreach (var id in new[] { v1, fromSnapshot, clone, fromImage })
        {
            (await host.VolumeAsync(HttpMethod.Delete, $"/v3/{project}/volumes/{id}", token)).Status.ShouldBe(202);
        }

        foreach (var id in new[] { v1, fromSnapshot, clone, fromImage })
        {
            await GoneAsync(token, project, "volumes", id);
        }

        Directory.EnumerateFiles(host.StorageFolder, "*", SearchOption.AllDirectories).ShouldBeEmpty();
    }

    private string VolumeFile(string id) => Path.Combine(host.StorageFolder, "volumes", id + ".qcow2");

    private async Task<string> CreateAsync(string token, string project, string json) => await PostAsync(token, project, "/volumes", json, "volume");

    private async Task<string> PostAsync(string token, string project, string path, string json, string key)
    {
        var created = await host.VolumeAsync(HttpMethod.Post, $"/v3/{project}{path}", token, json);
        created.Status.ShouldBe(202, created.Body.ToString());
        return created.Body.GetProperty(key).GetProperty("id").GetString()!;
    }

    private async Task<JsonElement> WaitAsync(string token, string project, string collection, string id, string status)
    {
        var key = collection.TrimEnd('s');
        JsonElement shown = default;
        await Compute.Servers.Poll.UntilAsync(async () =>
        {
            shown = (await host.VolumeAsync(HttpMethod.Get, $"/v3/{project}/{collection}/{id}", token)).Body.GetProperty(key);
            return shown.GetProperty("status").GetString() is "available" or "error";
        }, $"{key} {id} to settle", TimeSpan.FromMinutes(3));
        shown.GetProperty("status").GetString().ShouldBe(status, shown.ToString());
        return shown;
    }

    private async Task GoneAsync(string token, string project, string collection, string id) =>
        await Compute.Servers.Poll.UntilAsync(async () => (await host.VolumeAsync(HttpMethod.Get, $"/v3/{project}/{collection}/{id}", token)).Status == 404,
            $"{collection} {id} to go", TimeSpan.FromMinutes(3));

    private static async Task<long> VirtualSizeAsync(string path)
    {
        var info = await FuncCloud.Testing.ProcessRunner.RunAsync("qemu-img", ["info", "--output=json", path], TimeSpan.FromMinutes(1));
        return JsonDocument.Parse(info.StandardOutput).RootElement.GetProperty("virtual-size").GetInt64();
    }
}

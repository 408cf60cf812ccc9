using System.Text.Json;
using FuncCloud.Functions.Tests.Compute.Servers;
using Shouldly;
using Xunit;
using static FuncCloud.Functions.Tests.Volume.VolumeCli;

namespace FuncCloud.Functions.Tests.Volume;

/// <summary>
/// What Tempest's volume tests found (docs/conformance.md): volume metadata and per-key snapshot metadata, the
/// extensions list, the snapshot views with and without cinder's extended attributes, the read-only flag in the
/// metadata, next links on full pages, 404 for an empty volume id and for a snapshot of no volume. One class of fix
/// per test, over HTTP and through the <c>openstack</c> CLI where it has the call.
/// </summary>
public sealed class VolumeApiConformanceTests(VolumeHostFixture host) : IClassFixture<VolumeHostFixture>
{
    [Fact]
    public async Task VolumeMetadata_MergeReplaceItems_AsCinder()
    {
        var (token, project) = await host.LoginAsync("demo", VolumeHostFixture.DemoPassword, "demo");
        var id = await CreateVolumeAsync(token, project, "meta-v1");
        var url = $"/v3/{project}/volumes/{id}/metadata";

        var merged = await host.VolumeAsync(HttpMethod.Post, url, token, """{"metadata": {"a": "1", "b": "<2&>"}}""");
        merged.Status.ShouldBe(200);
        Map(merged.Body.GetProperty("metadata")).ShouldBe(new Dictionary<string, string> { ["a"] = "1", ["b"] = "<2&>" });
        var mergedAgain = await host.VolumeAsync(HttpMethod.Post, url, token, """{"metadata": {"c": "3"}}""");
        Map(mergedAgain.Body.GetProperty("metadata")).Keys.Order().ShouldBe(["a", "b", "c"]); // the whole map comes back

        var replaced = await host.VolumeAsync(HttpMethod.Put, url, token, """{"metadata": {"a": "one", "d": "4"}}""");
        replaced.Status.ShouldBe(200);
        Map(replaced.Body.GetProperty("metadata")).ShouldBe(new Dictionary<string, string> { ["a"] = "one", ["d"] = "4" });
        Map((await host.VolumeAsync(HttpMethod.Get, url, token)).Body.GetProperty("metadata")).ShouldBe(new Dictionary<string, string> { ["a"] = "one", ["d"] = "4" });

        var item = await host.VolumeAsync(HttpMethod.Put, url + "/d", token, """{"meta": {"d": "four"}}""");
        item.Status.ShouldBe(200);
        item.Body.GetRawText().ShouldBe("""{"meta":{"d":"four"}}""");
        (await host.VolumeAsync(HttpMethod.Get, url + "/d", token)).Body.GetRawText().ShouldBe("""{"meta":{"d":"four"}}""");

        var mismatch = await host.VolumeAsync(HttpMethod.Put, url + "/d", token, """{"meta": {"e": "5"}}""");
        mismatch.Status.ShouldBe(400);
        mismatch.Body.GetProperty("badRequest").GetProperty("message").GetString().ShouldBe("Request body and URI mismatch");
        var tooMany = await host.VolumeAsync(HttpMethod.Put, url + "/d", token, """{"meta": {"d": "5", "e": "6"}}""");
        tooMany.Body.GetProperty("badRequest").GetProperty("message").GetString().ShouldBe("Request body contains too many items");
        (await host.VolumeAsync(HttpMethod.Post, url, token, """{"metadata": {"x": 1}}""")).Status.ShouldBe(400);
        (await host.VolumeAsync(HttpMethod.Put, url, token, """{"meta": {}}""")).Status.ShouldBe(400);

        var deleted = await host.VolumeAsync(HttpMethod.Delete, url + "/a", token);
        deleted.Status.ShouldBe(200);
        deleted.Response.Content.Headers.ContentLength.ShouldBe(0);
        var missing = await host.VolumeAsync(HttpMethod.Delete, url + "/a", token);
        missing.Status.ShouldBe(404);
        missing.Body.GetProperty("itemNotFound").GetProperty("message").GetString().ShouldBe($"Volume {id} has no metadata with key a.");
        (await host.VolumeAsync(HttpMethod.Get, url + "/a", token)).Status.ShouldBe(404);
        Map((await host.VolumeAsync(HttpMethod.Get, $"/v3/{project}/volumes/{id}", token)).Body.GetProperty("volume").GetProperty("metadata"))
            .ShouldBe(new Dictionary<string, string> { ["d"] = "four" });
    }

    [Fact]
    public async Task Metadata_PolicyAndIsolation_ReadersReadOtherProjectsNotFound()
    {
        (await RunAsync(host.AdminEnvironment, "user", "create", "--domain", "Default", "--password", "meta-reader-pass", "meta-reader")).ExitCode.ShouldBe(0);
        (await RunAsync(host.AdminEnvironment, "role", "add", "--user", "meta-reader", "--project", "demo", "reader")).ExitCode.ShouldBe(0);
        (await RunAsync(host.AdminEnvironment, "project", "create", "--domain", "Default", "meta-other")).ExitCode.ShouldBe(0);
        (await RunAsync(host.AdminEnvironment, "user", "create", "--domain", "Default", "--password", "meta-other-pass", "meta-other")).ExitCode.ShouldBe(0);
        (await RunAsync(host.AdminEnvironment, "role", "add", "--user", "meta-other", "--project", "meta-other", "member")).ExitCode.ShouldBe(0);

        var (token, project) = await host.LoginAsync("demo", VolumeHostFixture.DemoPassword, "demo");
        var id = await CreateVolumeAsync(token, project, "meta-v2");
        (await host.VolumeAsync(HttpMethod.Post, $"/v3/{project}/volumes/{id}/metadata", token, """{"metadata": {"k": "v"}}""")).Status.ShouldBe(200);
        var snapshotId = await CreateSnapshotAsync(token, project, id);

        var (reader, _) = await host.LoginAsync("meta-reader", "meta-reader-pass", "demo");
        (await host.VolumeAsync(HttpMethod.Get, $"/v3/{project}/volumes/{id}/metadata/k", reader)).Status.ShouldBe(200);
        (await host.VolumeAsync(HttpMethod.Put, $"/v3/{project}/volumes/{id}/metadata/k", reader, """{"meta": {"k": "w"}}""")).Status.ShouldBe(403);
        (await host.VolumeAsync(HttpMethod.Delete, $"/v3/{project}/volumes/{id}/metadata/k", reader)).Status.ShouldBe(403);
        (await host.VolumeAsync(HttpMethod.Put, $"/v3/{project}/snapshots/{snapshotId}/metadata/k", reader, """{"meta": {"k": "w"}}""")).Status.ShouldBe(403);

        var (other, otherProject) = await host.LoginAsync("meta-other", "meta-other-pass", "meta-other");
        var hidden = await host.VolumeAsync(HttpMethod.Get, $"/v3/{otherProject}/volumes/{id}/metadata", other);
        hidden.Status.ShouldBe(404);
        hidden.Body.GetProperty("itemNotFound").GetProperty("message").GetString().ShouldBe($"Volume {id} could not be found.");
        (await host.VolumeAsync(HttpMethod.Put, $"/v3/{otherProject}/volumes/{id}/metadata/k", other, """{"meta": {"k": "w"}}""")).Status.ShouldBe(404);
        (await host.VolumeAsync(HttpMethod.Get, $"/v3/{otherProject}/snapshots/{snapshotId}/metadata/k", other)).Status.ShouldBe(404);
        Map((await host.VolumeAsync(HttpMethod.Get, $"/v3/{project}/volumes/{id}/metadata", token)).Body.GetProperty("metadata"))
            .ShouldBe(new Dictionary<string, string> { ["k"] = "v" });
    }

    [Fact]
    public async Task SnapshotMetadataItems_AndExtendedAttributesOnlyOnShowAndDetail()
    {
        var (token, project) = await host.LoginAsync("demo", VolumeHostFixture.DemoPassword, "demo");
        var volumeId = await CreateVolumeAsync(token, project, "meta-v3");
        var created = await host.VolumeAsync(HttpMethod.Post, $"/v3/{project}/snapshots", token, $$$$"""{"snapshot": {"volume_id": "{{{{volumeId}}}}", "name": "meta-s1", "metadata": {"a": "1"}}}""");
        created.Status.ShouldBe(202);
        var snapshot = created.Body.GetProperty("snapshot");
        Keys(snapshot).ShouldBe(["created_at", "description", "id", "metadata", "name", "size", "status", "updated_at", "volume_id"]);
        var id = snapshot.GetProperty("id").GetString()!;
        await WaitAsync(token, $"/v3/{project}/snapshots/{id}", "snapshot");

        var shown = (await host.VolumeAsync(HttpMethod.Get, $"/v3/{project}/snapshots/{id}", token)).Body.GetProperty("snapshot");
        shown.GetProperty("os-extended-snapshot-attributes:progress").GetString().ShouldBe("100%");
        shown.GetProperty("os-extended-snapshot-attributes:project_id").GetString().ShouldBe(project);
        var summary = (await host.VolumeAsync(HttpMethod.Get, $"/v3/{project}/snapshots", token)).Body.GetProperty("snapshots")[0];
        summary.TryGetProperty("os-extended-snapshot-attributes:progress", out _).ShouldBeFalse();
        var detail = (await host.VolumeAsync(HttpMethod.Get, $"/v3/{project}/snapshots/detail", token)).Body.GetProperty("snapshots")[0];
        detail.TryGetProperty("os-extended-snapshot-attributes:project_id", out _).ShouldBeTrue();
        var updated = await host.VolumeAsync(HttpMethod.Put, $"/v3/{project}/snapshots/{id}", token, """{"snapshot": {"name": "meta-s1b"}}""");
        updated.Body.GetProperty("snapshot").TryGetProperty("os-extended-snapshot-attributes:progress", out _).ShouldBeFalse();

        var item = await host.VolumeAsync(HttpMethod.Put, $"/v3/{project}/snapshots/{id}/metadata/a", token, """{"meta": {"a": "2"}}""");
        item.Status.ShouldBe(200);
        item.Body.GetRawText().ShouldBe("""{"meta":{"a":"2"}}""");
        (await host.VolumeAsync(HttpMethod.Get, $"/v3/{project}/snapshots/{id}/metadata/a", token)).Body.GetRawText().ShouldBe("""{"meta":{"a":"2"}}""");
        var missing = await host.VolumeAsync(HttpMethod.Get, $"/v3/{project}/snapshots/{id}/metadata/nope", token);
        missing.Status.ShouldBe(404);
        missing.Body.GetProperty("itemNotFound").GetProperty("message").GetString().ShouldBe($"Snapshot {id} has no metadata with key nope.");
        (await host.VolumeAsync(HttpMethod.Put, $"/v3/{project}/snapshots/{id}/metadata/a", token, """{"meta": {"b": "2"}}""")).Status.ShouldBe(400);
    }

    [Fact]
    public async Task VolumeProperties_SetAndUnset_ThroughTheCli()
    {
        var demo = host.DemoEnvironment;
        await JsonAsync(demo, "volume", "create", "--size", "1", "meta-cli");
        await WaitStatusAsync(demo, ["volume", "show", "meta-cli"], "available", "error");
        (await RunAsync(demo, "volume", "set", "--property", "tier=gold", "--property", "zone=a", "meta-cli")).ExitCode.ShouldBe(0);
        (await RunAsync(demo, "volume", "unset", "--property", "zone", "meta-cli")).ExitCode.ShouldBe(0);
        var shown = await JsonAsync(demo, "volume", "show", "meta-cli");
        shown.GetProperty("properties").GetRawText().ShouldContain("tier");
        shown.GetProperty("properties").GetRawText().ShouldNotContain("zone");
        (await RunAsync(demo, "volume", "delete", "meta-cli")).ExitCode.ShouldBe(0);
    }

    [Fact]
    public async Task Extensions_ListOnlyWhatIsServed_InCindersShape()
    {
        var (token, project) = await host.LoginAsync("demo", VolumeHostFixture.DemoPassword, "demo");
        var listed = await host.VolumeAsync(HttpMethod.Get, $"/v3/{project}/extensions", token);
        listed.Status.ShouldBe(200);
        Keys(listed.Body).ShouldBe(["extensions"]);
        var extensions = listed.Body.GetProperty("extensions").EnumerateArray().ToList();
        extensions.ShouldAllBe(e => Keys(e).SequenceEqual(new[] { "alias", "description", "links", "name", "updated" }));
        var aliases = extensions.Select(e => e.GetProperty("alias").GetString()).ToList();
        aliases.ShouldContain("os-vol-tenant-attr");
        aliases.ShouldContain("backups");
        aliases.ShouldNotContain("os-hosts"); // not built
        aliases.ShouldNotContain("qos-specs");
        (await host.VolumeAsync(HttpMethod.Get, $"/v3/{project}/extensions", null)).Status.ShouldBe(401);
    }

    [Fact]
    public async Task ReadOnlyFlag_ShownInMetadataOnceSet_TrueThenFalse()
    {
        var (token, project) = await host.LoginAsync("demo", VolumeHostFixture.DemoPassword, "demo");
        var id = await CreateVolumeAsync(token, project, "meta-ro");
        var url = $"/v3/{project}/volumes/{id}";
        (await host.VolumeAsync(HttpMethod.Get, url, token)).Body.GetProperty("volume").GetProperty("metadata").TryGetProperty("readonly", out _).ShouldBeFalse();
        foreach (var flag in new[] { true, false })
        {
            (await host.VolumeAsync(HttpMethod.Post, url + "/action", token, $$$"""{"os-update_readonly_flag": {"readonly": {{{(flag ? "true" : "false")}}}}}""")).Status.ShouldBe(202);
            var metadata = (await host.VolumeAsync(HttpMethod.Get, url, token)).Body.GetProperty("volume").GetProperty("metadata");
            metadata.GetProperty("readonly").GetString().ShouldBe(flag ? "True" : "False");
        }
    }

    [Fact]
    public async Task Paging_FullLastPage_StillLinksToAnEmptyNextPage()
    {
        var (token, project) = await host.LoginAsync("demo", VolumeHostFixture.DemoPassword, "demo");
        var ids = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            var created = await host.VolumeAsync(HttpMethod.Post, $"/v3/{project}/volumes", token, """{"volume": {"size": 1, "metadata": {"paging": "full-last-page"}}}""");
            ids.Add(created.Body.GetProperty("volume").GetProperty("id").GetString()!);
        }

        foreach (var collection in new[] { "volumes", "volumes/detail" })
        {
            var seen = new List<string>();
            var path = $"/v3/{project}/{collection}?limit=1&metadata=" + Uri.EscapeDataString("""{"paging": "full-last-page"}""");
            for (var page = 0; ; page++)
            {
                page.ShouldBeLessThan(3);
                var listed = await host.VolumeAsync(HttpMethod.Get, path, token);
                listed.Status.ShouldBe(200);
                var items = listed.Body.GetProperty("volumes").EnumerateArray().Select(v => v.GetProperty("id").GetString()!).ToList();
                seen.AddRange(items);
                if (!listed.Body.TryGetProperty("volumes_links", out var links))
                {
                    items.ShouldBeEmpty(); // only the page after the last full one has no next link
                    break;
                }

                var next = new Uri(links[0].GetProperty("href").GetString()!);
                next.AbsolutePath.ShouldEndWith($"/{collection}");
                path = next.PathAndQuery["/volume".Length..];
            }

            seen.Order().ShouldBe(ids.Order());
        }
    }

    [Fact]
    public async Task EmptyVolumeIdAndSnapshotOfNoVolume_Are404()
    {
        var (token, project) = await host.LoginAsync("demo", VolumeHostFixture.DemoPassword, "demo");
        foreach (var method in new[] { HttpMethod.Get, HttpMethod.Put, HttpMethod.Delete })
        {
            var response = await host.VolumeAsync(method, $"/v3/{project}/volumes/", token, method == HttpMethod.Put ? """{"volume": {}}""" : null);
            response.Status.ShouldBe(404, method.Method);
            response.Body.GetProperty("itemNotFound").GetProperty("message").GetString().ShouldBe("The resource could not be found.");
        }

        (await host.VolumeAsync(HttpMethod.Get, $"/v3/{project}/volumes", token)).Status.ShouldBe(200);
        (await host.VolumeAsync(HttpMethod.Delete, $"/v3/{project}/volumes/", null)).Status.ShouldBe(401);

        var noVolume = await host.VolumeAsync(HttpMethod.Post, $"/v3/{project}/snapshots", token, """{"snapshot": {"volume_id": null, "name": "s"}}""");
        noVolume.Status.ShouldBe(404);
        noVolume.Body.GetProperty("itemNotFound").GetProperty("message").GetString().ShouldBe("Volume None could not be found.");
        (await host.VolumeAsync(HttpMethod.Post, $"/v3/{project}/snapshots", token, """{"snapshot": {"name": "s"}}""")).Status.ShouldBe(404);
        (await host.VolumeAsync(HttpMethod.Post, $"/v3/{project}/snapshots", token, """{"snapshot": {"volume_id": 5}}""")).Status.ShouldBe(400);
    }

    [Fact]
    public async Task CreateAndUpdateViews_WithoutExtensionKeys_ShowHasThem_UnknownMarker404()
    {
        var (admin, project) = await host.LoginAsync("admin", VolumeHostFixture.AdminPassword, "admin");
        var created = await host.VolumeAsync(HttpMethod.Post, $"/v3/{project}/volumes", admin, $$$"""{"volume": {"size": 1, "imageRef": "{{{VolumeHostFixture.ImageId}}}"}}""");
        created.Status.ShouldBe(202);
        var volume = created.Body.GetProperty("volume");
        volume.TryGetProperty("volume_image_metadata", out _).ShouldBeFalse();
        volume.TryGetProperty("os-vol-host-attr:host", out _).ShouldBeFalse();
        volume.TryGetProperty("os-vol-tenant-attr:tenant_id", out _).ShouldBeFalse();
        var id = volume.GetProperty("id").GetString()!;
        await WaitAsync(admin, $"/v3/{project}/volumes/{id}", "volume");

        var updated = (await host.VolumeAsync(HttpMethod.Put, $"/v3/{project}/volumes/{id}", admin, """{"volume": {"name": "views-v"}}""")).Body.GetProperty("volume");
        updated.TryGetProperty("volume_image_metadata", out _).ShouldBeFalse();
        updated.TryGetProperty("os-vol-host-attr:host", out _).ShouldBeFalse();
        var shown = (await host.VolumeAsync(HttpMethod.Get, $"/v3/{project}/volumes/{id}", admin)).Body.GetProperty("volume");
        shown.GetProperty("volume_image_metadata").GetProperty("image_id").GetString().ShouldBe(VolumeHostFixture.ImageId);
        shown.GetProperty("os-vol-tenant-attr:tenant_id").GetString().ShouldBe(project);

        foreach (var collection in new[] { "volumes", "snapshots/detail", "backups" })
        {
            var unknown = await host.VolumeAsync(HttpMethod.Get, $"/v3/{project}/{collection}?marker=00000000-0000-0000-0000-00000000abcd", admin);
            unknown.Status.ShouldBe(404, collection);
            unknown.Body.GetProperty("itemNotFound").GetProperty("message").GetString().ShouldBe("Marker 00000000-0000-0000-0000-00000000abcd could not be found.");
        }
    }

    [Fact]
    public async Task VolumeTypeViews_PerCall_QosSpecsOnlyOnAdminReads()
    {
        var (admin, adminProject) = await host.LoginAsync("admin", VolumeHostFixture.AdminPassword, "admin");
        var created = await host.VolumeAsync(HttpMethod.Post, $"/v3/{adminProject}/types", admin, """{"volume_type": {"name": "views-type", "extra_specs": {"k": "v"}}}""");
        created.Status.ShouldBe(200);
        Keys(created.Body.GetProperty("volume_type")).ShouldBe(["description", "extra_specs", "id", "is_public", "name", "os-volume-type-access:is_public"]);
        var id = created.Body.GetProperty("volume_type").GetProperty("id").GetString()!;

        var updated = await host.VolumeAsync(HttpMethod.Put, $"/v3/{adminProject}/types/{id}", admin, """{"volume_type": {"description": "d"}}""");
        updated.Status.ShouldBe(200);
        Keys(updated.Body.GetProperty("volume_type")).ShouldBe(["description", "extra_specs", "id", "is_public", "name"]);

        var adminShow = (await host.VolumeAsync(HttpMethod.Get, $"/v3/{adminProject}/types/{id}", admin)).Body.GetProperty("volume_type");
        adminShow.GetProperty("qos_specs_id").ValueKind.ShouldBe(JsonValueKind.Null);
        var (demo, demoProject) = await host.LoginAsync("demo", VolumeHostFixture.DemoPassword, "demo");
        var memberShow = (await host.VolumeAsync(HttpMethod.Get, $"/v3/{demoProject}/types/{id}", demo)).Body.GetProperty("volume_type");
        Keys(memberShow).ShouldBe(["description", "id", "is_public", "name", "os-volume-type-access:is_public"]);
        (await host.VolumeAsync(HttpMethod.Get, $"/v3/{demoProject}/types", demo)).Body.GetProperty("volume_types").EnumerateArray()
            .Count(t => t.TryGetProperty("qos_specs_id", out _)).ShouldBe(0);
        (await host.VolumeAsync(HttpMethod.Delete, $"/v3/{adminProject}/types/{id}", admin)).Status.ShouldBe(202);
    }

    private async Task<string> CreateVolumeAsync(string token, string project, string name)
    {
        var created = await host.VolumeAsync(HttpMethod.Post, $"/v3/{project}/volumes", token, $$$"""{"volume": {"size": 1, "name": "{{{name}}}"}}""");
        created.Status.ShouldBe(202);
        var id = created.Body.GetProperty("volume").GetProperty("id").GetString()!;
        await WaitAsync(token, $"/v3/{project}/volumes/{id}", "volume");
        return id;
    }

    private async Task<string> CreateSnapshotAsync(string token, string project, string volumeId)
    {
        var created = await host.VolumeAsync(HttpMethod.Post, $"/v3/{project}/snapshots", token, $$$"""{"snapshot": {"volume_id": "{{{volumeId}}}"}}""");
        created.Status.ShouldBe(202);
        var id = created.Body.GetProperty("snapshot").GetProperty("id").GetString()!;
        await WaitAsync(token, $"/v3/{project}/snapshots/{id}", "snapshot");
        return id;
    }

    private Task WaitAsync(string token, string path, string member) => Poll.UntilAsync(async () =>
    {
        var status = (await host.VolumeAsync(HttpMethod.Get, path, token)).Body.GetProperty(member).GetProperty("status").GetString();
        status.ShouldNotBe("error");
        return status == "available";
    }, $"{path} to be available", TimeSpan.FromMinutes(2));

    private static Dictionary<string, string> Map(JsonElement map) =>
        map.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);

    private static List<string> Keys(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];
}

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Shouldly;
using Xunit;

namespace FuncCloud.Functions.Tests.Image;

/// <summary>The shared host of the raw HTTP image tests.</summary>
public sealed class ImageApiFixture : ImageHostFixture;

/// <summary>Glance v2 wire behaviour the CLI does not show: errors, status lifecycle, ranges, discovery.</summary>
public sealed partial class ImageApiTests(ImageApiFixture host) : IClassFixture<ImageApiFixture>
{
    private const string PatchType = "application/openstack-images-v2.1-json-patch";

    private static async Task<JsonObject> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, text);
        return (JsonNode.Parse(text) as JsonObject)!;
    }

    private static async Task<string> CreateAsync(HttpClient client, JsonObject? body = null)
    {
        body ??= new JsonObject { ["name"] = "t-" + Guid.NewGuid().ToString("N")[..6], ["disk_format"] = "raw", ["container_format"] = "bare" };
        var image = await JsonAsync(await client.PostAsJsonAsync("/image/v2/images", body), HttpStatusCode.Created);
        image["status"]!.GetValue<string>().ShouldBe("queued");
        return image["id"]!.GetValue<string>();
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, string id, byte[] data)
    {
        var content = new ByteArrayContent(data);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return client.PutAsync($"/image/v2/images/{id}/file", content);
    }

    private static Task<HttpResponseMessage> PatchAsync(HttpClient client, string id, string json) =>
        client.PatchAsync($"/image/v2/images/{id}", new StringContent(json, Encoding.UTF8, PatchType));

    [Fact]
    public async Task Root_Unauthenticated_Returns300WithV2()
    {
        using var response = await host.Client.GetAsync("/image");
        var body = await JsonAsync(response, HttpStatusCode.MultipleChoices);
        var current = body["versions"]!.AsArray().Single(v => v!["status"]!.GetValue<string>() == "CURRENT")!;
        current["links"]![0]!["href"]!.GetValue<string>().ShouldEndWith("/image/v2/");
    }

    [Fact]
    public async Task GetImage_Unknown_Returns404InGlanceShape()
    {
        using var client = host.ClientWith(await host.DemoTokenAsync());
        var id = Guid.NewGuid().ToString();
        var body = await JsonAsync(await client.GetAsync($"/image/v2/images/{id}"), HttpStatusCode.NotFound);
        body["code"]!.GetValue<string>().ShouldBe("404 Not Found");
        body["title"]!.GetValue<string>().ShouldBe("Not Found");
        body["message"]!.GetValue<string>().ShouldContain(id);
    }

    [Fact]
    public async Task Upload_ThenDownload_StreamsWithChecksumsAndRanges()
    {
        using var client = host.ClientWith(await host.DemoTokenAsync());
        var id = await CreateAsync(client);
        using (var noData = await client.GetAsync($"/image/v2/images/{id}/file"))
        {
            noData.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        }

        var data = RandomNumberGenerator.GetBytes(9 * 1024 * 1024 + 7);
        (await UploadAsync(client, id, data)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var image = await JsonAsync(await client.GetAsync($"/image/v2/images/{id}"), HttpStatusCode.OK);
        image["status"]!.GetValue<string>().ShouldBe("active");
        image["size"]!.GetValue<long>().ShouldBe(data.Length);
        image["checksum"]!.GetValue<string>().ShouldBe(Convert.ToHexStringLower(MD5.HashData(data)));
        image["os_hash_algo"]!.GetValue<string>().ShouldBe("sha512");
        image["os_hash_value"]!.GetValue<string>().ShouldBe(Convert.ToHexStringLower(SHA512.HashData(data)));

        using (var full = await client.GetAsync($"/image/v2/images/{id}/file"))
        {
            full.StatusCode.ShouldBe(HttpStatusCode.OK);
            full.Content.Headers.GetValues("Content-MD5").Single().ShouldBe(image["checksum"]!.GetValue<string>());
            (await full.Content.ReadAsByteArrayAsync()).SequenceEqual(data).ShouldBeTrue();
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/image/v2/images/{id}/file");
        request.Headers.Range = new RangeHeaderValue(100, 199);
        using var partial = await client.SendAsync(request);
        partial.StatusCode.ShouldBe(HttpStatusCode.PartialContent);
        partial.Content.Headers.ContentRange!.ToString().ShouldBe($"bytes 100-199/{data.Length}");
        (await partial.Content.ReadAsByteArrayAsync()).SequenceEqual(data[100..200]).ShouldBeTrue();

        using var outside = new HttpRequestMessage(HttpMethod.Get, $"/image/v2/images/{id}/file");
        outside.Headers.Range = new RangeHeaderValue(data.Length + 10, null);
        (await client.SendAsync(outside)).StatusCode.ShouldBe(HttpStatusCode.RequestedRangeNotSatisfiable);

        (await UploadAsync(client, id, [1, 2, 3])).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Upload_Interrupted_LeavesImageQueuedAndRetryable()
    {
        using var client = host.ClientWith(await host.DemoTokenAsync());
        var id = await CreateAsync(client);
        var content = new StreamContent(new FailingStream(6 * 1024 * 1024));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        await Should.ThrowAsync<Exception>(() => client.PutAsync($"/image/v2/images/{id}/file", content));

        await Eventually(async () =>
            (await JsonAsync(await client.GetAsync($"/image/v2/images/{id}"), HttpStatusCode.OK))["status"]!.GetValue<string>() == "queued");
        (await client.GetAsync($"/image/v2/images/{id}/file")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        // The client gave up first: until the server has seen the broken stream, a retry may still find the upload in
        // progress (409). It must succeed once the server has put the image back.
        await Eventually(async () => (await UploadAsync(client, id, [1, 2, 3])).StatusCode == HttpStatusCode.NoContent);
        (await JsonAsync(await client.GetAsync($"/image/v2/images/{id}"), HttpStatusCode.OK))["size"]!.GetValue<long>().ShouldBe(3);
    }

    [Fact]
    public async Task Patch_Errors_AreClear4xx()
    {
        using var client = host.ClientWith(await host.DemoTokenAsync());
        var id = await CreateAsync(client);

        (await PatchAsync(client, id, "{not json")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await PatchAsync(client, id, """[{"op":"move","path":"/name","from":"/x"}]""")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await PatchAsync(client, id, """[{"op":"replace","path":"/status","value":"active"}]""")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await PatchAsync(client, id, """[{"op":"replace","path":"/visibility","value":"public"}]""")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await PatchAsync(client, id, """[{"op":"remove","path":"/missing"}]""")).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await client.PatchAsync($"/image/v2/images/{id}", new StringContent("[]", Encoding.UTF8, "application/json"))).StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);

        var patched = await JsonAsync(await PatchAsync(client, id, """[{"op":"add","path":"/a~1b","value":"1"},{"op":"replace","path":"/name","value":"renamed"},{"op":"add","path":"/protected","value":true}]"""), HttpStatusCode.OK);
        patched["a/b"]!.GetValue<string>().ShouldBe("1");
        patched["name"]!.GetValue<string>().ShouldBe("renamed");

        var deleteProtected = await JsonAsync(await client.DeleteAsync($"/image/v2/images/{id}"), HttpStatusCode.Forbidden);
        deleteProtected["message"]!.GetValue<string>().ShouldContain("protected");
        await JsonAsync(await PatchAsync(client, id, """[{"op":"replace","path":"/protected","value":false}]"""), HttpStatusCode.OK);
        (await client.DeleteAsync($"/image/v2/images/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Create_PublicByMember_Is403_ByAdmin_Is201()
    {
        using var demo = host.ClientWith(await host.DemoTokenAsync());
        var denied = await demo.PostAsJsonAsync("/image/v2/images", new JsonObject { ["name"] = "pub", ["visibility"] = "public" });
        denied.StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        using var admin = host.ClientWith(await host.AdminTokenAsync());
        await CreateAsync(admin, new JsonObject { ["name"] = "pub", ["visibility"] = "public" });
    }

    [Fact]
    public async Task Deactivate_ByAdmin_BlocksMemberDownloadUntilReactivated()
    {
        using var demo = host.ClientWith(await host.DemoTokenAsync());
        using var admin = host.ClientWith(await host.AdminTokenAsync());
        var id = await CreateAsync(demo);
        (await UploadAsync(demo, id, [9, 9, 9])).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await demo.PostAsync($"/image/v2/images/{id}/actions/deactivate", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await admin.PostAsync($"/image/v2/images/{id}/actions/deactivate", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await demo.GetAsync($"/image/v2/images/{id}/file")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await admin.PostAsync($"/image/v2/images/{id}/actions/reactivate", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await demo.GetAsync($"/image/v2/images/{id}/file")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task List_FiltersSortAndPaginates()
    {
        using var client = host.ClientWith(await host.DemoTokenAsync());
        var tag = "tag" + Guid.NewGuid().ToString("N")[..8];
        var ids = new List<string>();
        foreach (var name in new[] { "b", "a", "c" })
        {
            var id = await CreateAsync(client, new JsonObject { ["name"] = name, ["tags"] = new JsonArray(tag), ["disk_format"] = "qcow2", ["container_format"] = "bare" });
            ids.Add(id);
        }

        (await client.PutAsync($"/image/v2/images/{ids[0]}/tags/extra", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var first = await JsonAsync(await client.GetAsync($"/image/v2/images?tag={tag}&sort=name:asc&limit=2"), HttpStatusCode.OK);
        first["images"]!.AsArray().Select(i => i!["name"]!.GetValue<string>()).ShouldBe(["a", "b"]);
        var next = first["next"]!.GetValue<string>();
        next.ShouldStartWith("/v2/images?");
        var second = await JsonAsync(await client.GetAsync("/image" + next), HttpStatusCode.OK);
        second["images"]!.AsArray().Select(i => i!["name"]!.GetValue<string>()).ShouldBe(["c"]);
        second.ContainsKey("next").ShouldBeFalse();

        var tagged = await JsonAsync(await client.GetAsync($"/image/v2/images?tag={tag}&tag=extra"), HttpStatusCode.OK);
        tagged["images"]!.AsArray().Single()!["id"]!.GetValue<string>().ShouldBe(ids[0]);
        var byKey = await JsonAsync(await client.GetAsync($"/image/v2/images?tag={tag}&sort_key=name&sort_dir=desc&status=queued&disk_format=qcow2"), HttpStatusCode.OK);
        byKey["images"]!.AsArray().Select(i => i!["name"]!.GetValue<string>()).ShouldBe(["c", "b", "a"]);
        (await client.GetAsync("/image/v2/images?sort_key=bogus")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.GetAsync($"/image/v2/images?marker={Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Schemas_AndImportInfo_AreServed()
    {
        using var client = host.ClientWith(await host.DemoTokenAsync());
        (await JsonAsync(await client.GetAsync("/image/v2/schemas/image"), HttpStatusCode.OK))["name"]!.GetValue<string>().ShouldBe("image");
        (await JsonAsync(await client.GetAsync("/image/v2/schemas/members"), HttpStatusCode.OK))["name"]!.GetValue<string>().ShouldBe("members");
        var info = await JsonAsync(await client.GetAsync("/image/v2/info/import"), HttpStatusCode.OK);
        info["import-methods"]!["value"]!.AsArray().Select(v => v!.GetValue<string>()).ShouldContain("glance-direct");
    }

    [Fact]
    public async Task Stage_ThenUploadFile_IsConflict()
    {
        using var client = host.ClientWith(await host.DemoTokenAsync());
        var id = await CreateAsync(client);
        var content = new ByteArrayContent([1, 2, 3, 4]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        (await client.PutAsync($"/image/v2/images/{id}/stage", content)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await JsonAsync(await client.GetAsync($"/image/v2/images/{id}"), HttpStatusCode.OK))["status"]!.GetValue<string>().ShouldBe("uploading");
        (await UploadAsync(client, id, [1])).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var badMethod = await client.PostAsJsonAsync($"/image/v2/images/{id}/import", new JsonObject { ["method"] = new JsonObject { ["name"] = "web-download" } });
        badMethod.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    private static async Task Eventually(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 50; i++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(100);
        }

        (await condition()).ShouldBeTrue();
    }

    /// <summary>A body that sends some bytes, then fails: the client aborts the request mid-upload.</summary>
    private sealed class FailingStream(int failAfter) : Stream
    {
        private int _sent;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _sent; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_sent >= failAfter)
            {
                throw new IOException("Simulated client failure mid-upload.");
            }

            var n = Math.Min(count, failAfter - _sent);
            Array.Fill(buffer, (byte)7, offset, n);
            _sent += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Shouldly;
using Xunit;

namespace FuncCloud.Functions.Tests.ObjectStorage;

/// <summary>The shared host of the raw swift API tests.</summary>
public sealed class SwiftApiFixture : ObjectStorageHostFixture;

/// <summary>Swift v1 over raw HTTP: status codes, headers, listings, ranges, conditions, counters and limits.</summary>
public sealed class SwiftApiTests(SwiftApiFixture host) : IClassFixture<SwiftApiFixture>
{
    private async Task<(HttpClient Client, string Account)> AdminAsync()
    {
        var token = await host.AdminTokenAsync();
        return (host.ClientWith(token), $"/object-store/v1/AUTH_{await host.ProjectIdAsync(token)}");
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, byte[]? body = null, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
        }

        foreach (var (name, value) in headers)
        {
            if (!request.Headers.TryAddWithoutValidation(name, value))
            {
                request.Content ??= new ByteArrayContent([]);
                request.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return await client.SendAsync(request);
    }

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, string url, string body, params (string, string)[] headers) =>
        SendAsync(client, HttpMethod.Put, url, Encoding.UTF8.GetBytes(body), headers);

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.First()
        : response.Content.Headers.TryGetValues(name, out var content) ? content.First()
        : throw new ShouldAssertException($"no {name} header");

    private static string Md5(string text) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public async Task ObjectLifecycle_PutGetHeadPostDelete_FollowsSwiftStatusesAndHeaders()
    {
        var (client, account) = await AdminAsync();
        var container = $"{account}/life";
        (await PutAsync(client, container, string.Empty)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await PutAsync(client, container, string.Empty)).StatusCode.ShouldBe(HttpStatusCode.Accepted);

        var put = await PutAsync(client, $"{container}/a/b.txt", "hello world", ("X-Object-Meta-Color", "blue"), ("Content-Type", "text/plain"));
        put.StatusCode.ShouldBe(HttpStatusCode.Created);
        Header(put, "ETag").ShouldBe(Md5("hello world"));
        Header(put, "X-Trans-Id").ShouldStartWith("tx");
        Header(put, "X-Openstack-Request-Id").ShouldBe(Header(put, "X-Trans-Id"));

        var get = await client.GetAsync($"{container}/a/b.txt");
        get.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await get.Content.ReadAsStringAsync()).ShouldBe("hello world");
        Header(get, "X-Object-Meta-Color").ShouldBe("blue");
        Header(get, "Content-Type").ShouldBe("text/plain");
        Header(get, "ETag").ShouldBe(Md5("hello world"));

        var post = await SendAsync(client, HttpMethod.Post, $"{container}/a/b.txt", null, ("X-Object-Meta-Size", "big"));
        post.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var head = await SendAsync(client, HttpMethod.Head, $"{container}/a/b.txt");
        Header(head, "X-Object-Meta-Size").ShouldBe("big");
        head.Headers.Contains("X-Object-Meta-Color").ShouldBeFalse();
        head.Content.Headers.ContentLength.ShouldBe(11);

        (await client.DeleteAsync(container)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await client.DeleteAsync($"{container}/a/b.txt")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var missing = await client.GetAsync($"{container}/a/b.txt");
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await missing.Content.ReadAsStringAsync()).ShouldBe("<html><h1>Not Found</h1><p>The resource could not be found.</p></html>");
        (await client.DeleteAsync($"{container}/a/b.txt")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.DeleteAsync(container)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await PutAsync(client, $"{container}/x", "x")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Put_EtagMismatch_Is422AndStoresNothing()
    {
        var (client, account) = await AdminAsync();
        await PutAsync(client, $"{account}/etag", string.Empty);
        var put = await PutAsync(client, $"{account}/etag/o", "data", ("ETag", Md5("other")));
        put.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await SendAsync(client, HttpMethod.Head, $"{account}/etag/o")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await PutAsync(client, $"{account}/etag/o", "data", ("ETag", Md5("data")))).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Listing_PrefixDelimiterMarkersLimitReverseAndFormats_MatchSwift()
    {
        var (client, account) = await AdminAsync();
        var container = $"{account}/list";
        await PutAsync(client, container, string.Empty);
        // UTF-8 byte order: "z/" (0x7A) sorts before "é" (0xC3 0xA9) and "日本" (0xE6 ...).
        string[] names = ["a", "a/1", "a/2", "b", "b/x/y", "c", "z/", "é", "日本"];
        foreach (var name in names.Reverse())
        {
            (await PutAsync(client, $"{container}/{Uri.EscapeDataString(name)}", name)).StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        async Task<string> Plain(string query) => await (await client.GetAsync($"{container}?{query}")).Content.ReadAsStringAsync();
        (await Plain(string.Empty)).ShouldBe(string.Join("\n", names) + "\n");
        (await Plain("prefix=a/")).ShouldBe("a/1\na/2\n");
        (await Plain("delimiter=/")).ShouldBe("a\na/\nb\nb/\nc\nz/\né\n日本\n");
        (await Plain("marker=b&limit=2")).ShouldBe("b/x/y\nc\n");
        (await Plain("marker=b&limit=0")).ShouldBe(string.Empty);
        (await Plain("marker=a/1&end_marker=b/x")).ShouldBe("a/2\nb\n");
        (await Plain("reverse=true&limit=3")).ShouldBe("日本\né\nz/\n");
        (await Plain("prefix=b/&delimiter=/")).ShouldBe("b/x/\n");
        (await Plain("path=a")).ShouldBe("a/1\na/2\n");

        var json = JsonDocument.Parse(await (await client.GetAsync($"{container}?format=json&prefix=a&delimiter=/")).Content.ReadAsStringAsync()).RootElement;
        json.GetArrayLength().ShouldBe(2);
        json[0].GetProperty("name").GetString().ShouldBe("a");
        json[0].GetProperty("bytes").GetInt64().ShouldBe(1);
        json[0].GetProperty("hash").GetString().ShouldBe(Md5("a"));
        json[0].EnumerateObject().Select(p => p.Name).ShouldBe(["hash", "last_modified", "bytes", "name", "content_type"]);
        json[1].GetProperty("subdir").GetString().ShouldBe("a/");

        var xml = await client.GetAsync($"{container}?format=xml&limit=1");
        Header(xml, "Content-Type").ShouldStartWith("application/xml");
        (await xml.Content.ReadAsStringAsync()).ShouldContain("<container name=\"list\"><object><name>a</name>");

        (await client.GetAsync($"{container}?limit=10001")).StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        var empty = await client.GetAsync($"{container}?prefix=nothing");
        empty.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await (await client.GetAsync($"{container}?prefix=nothing&format=json")).Content.ReadAsStringAsync()).ShouldBe("[]");

        var accountListing = JsonDocument.Parse(await (await client.GetAsync($"{account}?format=json&prefix=list")).Content.ReadAsStringAsync()).RootElement;
        accountListing[0].GetProperty("name").GetString().ShouldBe("list");
        accountListing[0].GetProperty("count").GetInt64().ShouldBe(names.Length);
    }

    [Fact]
    public async Task Names_Limits_AreSwifts()
    {
        var (client, account) = await AdminAsync();
        await PutAsync(client, $"{account}/names", string.Empty);
        var longest = new string('n', 1024);
        (await PutAsync(client, $"{account}/names/{longest}", "x")).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await client.GetStringAsync($"{account}/names/{longest}")).ShouldBe("x");
        var tooLong = await PutAsync(client, $"{account}/names/{longest}n", "x");
        tooLong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await tooLong.Content.ReadAsStringAsync()).ShouldBe("Object name length of 1025 longer than 1024");
        (await PutAsync(client, $"{account}/{new string('c', 257)}", string.Empty)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await PutAsync(client, $"{account}/names/%FF", "x")).StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);

        // An encoded slash is part of the name, distinct from a real one.
        (await PutAsync(client, $"{account}/names/p%2Fq", "encoded")).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await PutAsync(client, $"{account}/names/p/q", "plain")).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await client.GetStringAsync($"{account}/names/p%2Fq")).ShouldBe("plain");
    }

    [Fact]
    public async Task Ranges_SingleSuffixMultipleAndUnsatisfiable()
    {
        var (client, account) = await AdminAsync();
        await PutAsync(client, $"{account}/ranges", string.Empty);
        await PutAsync(client, $"{account}/ranges/o", "0123456789");
        var single = await SendAsync(client, HttpMethod.Get, $"{account}/ranges/o", null, ("Range", "bytes=2-4"));
        single.StatusCode.ShouldBe(HttpStatusCode.PartialContent);
        (await single.Content.ReadAsStringAsync()).ShouldBe("234");
        Header(single, "Content-Range").ShouldBe("bytes 2-4/10");
        (await (await SendAsync(client, HttpMethod.Get, $"{account}/ranges/o", null, ("Range", "bytes=-3"))).Content.ReadAsStringAsync()).ShouldBe("789");

        var multi = await SendAsync(client, HttpMethod.Get, $"{account}/ranges/o", null, ("Range", "bytes=0-1,8-"));
        multi.StatusCode.ShouldBe(HttpStatusCode.PartialContent);
        multi.Content.Headers.ContentType!.MediaType.ShouldBe("multipart/byteranges");
        var text = await multi.Content.ReadAsStringAsync();
        text.ShouldContain("Content-Range: bytes 0-1/10\r\n\r\n01\r\n");
        text.ShouldContain("Content-Range: bytes 8-9/10\r\n\r\n89\r\n");

        var unsatisfiable = await SendAsync(client, HttpMethod.Get, $"{account}/ranges/o", null, ("Range", "bytes=20-30"));
        unsatisfiable.StatusCode.ShouldBe(HttpStatusCode.RequestedRangeNotSatisfiable);
        Header(unsatisfiable, "Content-Range").ShouldBe("bytes */10");
    }

    [Fact]
    public async Task ConditionalGets_MatchNoneMatchAndDates()
    {
        var (client, account) = await AdminAsync();
        await PutAsync(client, $"{account}/cond", string.Empty);
        var put = await PutAsync(client, $"{account}/cond/o", "abc");
        var etag = Header(put, "ETag");
        var lastModified = Header(put, "Last-Modified");
        (await SendAsync(client, HttpMethod.Get, $"{account}/cond/o", null, ("If-None-Match", $"\"{etag}\""))).StatusCode.ShouldBe(HttpStatusCode.NotModified);
        (await SendAsync(client, HttpMethod.Get, $"{account}/cond/o", null, ("If-Match", "\"nope\""))).StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        (await SendAsync(client, HttpMethod.Get, $"{account}/cond/o", null, ("If-Match", etag))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await SendAsync(client, HttpMethod.Get, $"{account}/cond/o", null, ("If-Modified-Since", lastModified))).StatusCode.ShouldBe(HttpStatusCode.NotModified);
        (await SendAsync(client, HttpMethod.Get, $"{account}/cond/o", null, ("If-Unmodified-Since", "Mon, 01 Jan 2001 00:00:00 GMT"))).StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        (await SendAsync(client, HttpMethod.Put, $"{account}/cond/o", [1], ("If-None-Match", "*"))).StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task Counters_StayExactUnderConcurrentWrites()
    {
        var (client, account) = await AdminAsync();
        var before = await SendAsync(client, HttpMethod.Head, account);
        var objectsBefore = long.Parse(Header(before, "X-Account-Object-Count"));
        var bytesBefore = long.Parse(Header(before, "X-Account-Bytes-Used"));
        await PutAsync(client, $"{account}/counted", string.Empty);

        // 24 writers: 16 new objects and 8 overwrites of object 0 with growing bodies.
        var writes = Enumerable.Range(0, 16).Select(i => PutAsync(client, $"{account}/counted/o{i}", new string('x', 100 + i)))
            .Concat(Enumerable.Range(0, 8).Select(i => PutAsync(client, $"{account}/counted/o0", new string('y', 100))));
        foreach (var response in await Task.WhenAll(writes))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        var head = await SendAsync(client, HttpMethod.Head, $"{account}/counted");
        Header(head, "X-Container-Object-Count").ShouldBe("16");
        Header(head, "X-Container-Bytes-Used").ShouldBe((100 + Enumerable.Range(1, 15).Sum(i => 100 + i)).ToString());
        var after = await SendAsync(client, HttpMethod.Head, account);
        long.Parse(Header(after, "X-Account-Object-Count")).ShouldBe(objectsBefore + 16);
        long.Parse(Header(after, "X-Account-Bytes-Used")).ShouldBe(bytesBefore + 100 + Enumerable.Range(1, 15).Sum(i => 100 + i));
    }

    [Fact]
    public async Task Auth_NoTokenBadTokenReaderAndOtherProject_AreRefused()
    {
        var (client, account) = await AdminAsync();
        await PutAsync(client, $"{account}/private", string.Empty);
        await PutAsync(client, $"{account}/private/o", "secret");
        using var anonymous = host.ClientWith(null);
        (await anonymous.GetAsync($"{account}/private/o")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var bad = host.ClientWith("not-a-token");
        (await bad.GetAsync($"{account}/private/o")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var demo = host.ClientWith(await host.DemoTokenAsync());
        (await demo.GetAsync($"{account}/private/o")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await demo.GetAsync(account)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await PutAsync(demo, $"{account}/private/o", "overwrite")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // A project member may not set its own account quota; only a reseller admin may.
        (await SendAsync(client, HttpMethod.Post, account, null, ("X-Account-Meta-Quota-Bytes", "10"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task CopyVersioningQuotasAndBulkDelete_Work()
    {
        var (client, account) = await AdminAsync();
        await PutAsync(client, $"{account}/src", string.Empty);
        await PutAsync(client, $"{account}/src/o", "original", ("X-Object-Meta-A", "1"));
        var copy = await SendAsync(client, new HttpMethod("COPY"), $"{account}/src/o", null, ("Destination", "src/copy"), ("X-Object-Meta-B", "2"));
        copy.StatusCode.ShouldBe(HttpStatusCode.Created);
        Header(copy, "X-Copied-From").ShouldBe("src/o");
        var copied = await client.GetAsync($"{account}/src/copy");
        (await copied.Content.ReadAsStringAsync()).ShouldBe("original");
        Header(copied, "X-Object-Meta-A").ShouldBe("1");
        Header(copied, "X-Object-Meta-B").ShouldBe("2");
        (await SendAsync(client, HttpMethod.Put, $"{account}/src/copy2", [], ("X-Copy-From", "/src/o"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await client.GetStringAsync($"{account}/src/copy2")).ShouldBe("original");

        // Stack-mode versioning: overwrites archive, a DELETE restores the previous version.
        await PutAsync(client, $"{account}/archive", string.Empty);
        await PutAsync(client, $"{account}/versioned", string.Empty, ("X-Versions-Location", "archive"));
        await PutAsync(client, $"{account}/versioned/doc", "v1");
        await PutAsync(client, $"{account}/versioned/doc", "v2");
        (await client.GetStringAsync($"{account}/archive")).ShouldStartWith("003doc/");
        (await client.DeleteAsync($"{account}/versioned/doc")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await client.GetStringAsync($"{account}/versioned/doc")).ShouldBe("v1");

        // Container quotas.
        await PutAsync(client, $"{account}/quota", string.Empty, ("X-Container-Meta-Quota-Count", "1"), ("X-Container-Meta-Quota-Bytes", "10"));
        (await PutAsync(client, $"{account}/quota/a", "12345")).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await PutAsync(client, $"{account}/quota/b", "1")).StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await PutAsync(client, $"{account}/quota/a", "12345678901")).StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);

        // Bulk delete.
        var bulk = await SendAsync(client, HttpMethod.Post, $"{account}?bulk-delete", Encoding.UTF8.GetBytes("/src/o\n/src/copy\n/src/missing\n"), ("Content-Type", "text/plain"), ("Accept", "application/json"));
        bulk.StatusCode.ShouldBe(HttpStatusCode.OK);
        var outcome = JsonDocument.Parse(await bulk.Content.ReadAsStringAsync()).RootElement;
        outcome.GetProperty("Number Deleted").GetInt32().ShouldBe(2);
        outcome.GetProperty("Number Not Found").GetInt32().ShouldBe(1);
        (await client.GetStringAsync($"{account}/src")).ShouldBe("copy2\n");
    }

    [Fact]
    public async Task Copy_OfLargeObjects_JoinsTheSegments_UnlessTheManifestIsAsked()
    {
        var (client, account) = await AdminAsync();
        await PutAsync(client, $"{account}/lo", string.Empty);
        await PutAsync(client, $"{account}/lo/seg/1", "hello ");
        await PutAsync(client, $"{account}/lo/seg/2", "world");
        var manifest = JsonSerializer.Serialize(new[]
        {
            new { path = "/lo/seg/1", etag = Md5("hello "), size_bytes = 6 },
            new { path = "/lo/seg/2", etag = Md5("world"), size_bytes = 5 },
        });
        (await PutAsync(client, $"{account}/lo/slo?multipart-manifest=put", manifest)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await PutAsync(client, $"{account}/lo/dlo", string.Empty, ("X-Object-Manifest", "lo/seg/"))).StatusCode.ShouldBe(HttpStatusCode.Created);

        // Swift's copy middleware: a large object copies as one plain object of the joined bytes, ETag its MD5.
        foreach (var source in new[] { "slo", "dlo" })
        {
            var copy = await SendAsync(client, new HttpMethod("COPY"), $"{account}/lo/{source}", null, ("Destination", $"lo/{source}-joined"));
            copy.StatusCode.ShouldBe(HttpStatusCode.Created);
            Header(copy, "ETag").ShouldBe(Md5("hello world"));
            (await PutAsync(client, $"{account}/lo/seg/2", "WORLD")).StatusCode.ShouldBe(HttpStatusCode.Created);
            (await client.GetStringAsync($"{account}/lo/{source}-joined")).ShouldBe("hello world");
            var head = await SendAsync(client, HttpMethod.Head, $"{account}/lo/{source}-joined");
            head.Headers.Contains("X-Static-Large-Object").ShouldBeFalse();
            head.Headers.Contains("X-Object-Manifest").ShouldBeFalse();
            await PutAsync(client, $"{account}/lo/seg/2", "world");
        }

        // A POST may set X-Object-Manifest (the object server allows it): the object becomes a DLO.
        (await PutAsync(client, $"{account}/lo/posted", string.Empty)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await SendAsync(client, HttpMethod.Post, $"{account}/lo/posted", [], ("X-Object-Manifest", "lo/seg/"))).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var posted = await SendAsync(client, HttpMethod.Head, $"{account}/lo/posted");
        Header(posted, "X-Object-Manifest").ShouldBe("lo/seg/");
        Header(posted, "ETag").ShouldStartWith("\"");
        (await client.GetStringAsync($"{account}/lo/posted")).ShouldBe("hello world");

        // ?multipart-manifest=get copies the manifest itself: it still follows the (shared) segments.
        var manifestCopy = await SendAsync(client, HttpMethod.Put, $"{account}/lo/slo-manifest?multipart-manifest=get", [], ("X-Copy-From", "lo/slo"));
        manifestCopy.StatusCode.ShouldBe(HttpStatusCode.Created);
        var copied = await SendAsync(client, HttpMethod.Head, $"{account}/lo/slo-manifest");
        Header(copied, "X-Static-Large-Object").ShouldBe("True");
        (await client.GetStringAsync($"{account}/lo/slo-manifest")).ShouldBe("hello world");
    }

    [Fact]
    public async Task DeleteAfter_HidesTheObjectAndTheExpirerRemovesIt()
    {
        var (client, account) = await AdminAsync();
        await PutAsync(client, $"{account}/expiring", string.Empty);
        (await PutAsync(client, $"{account}/expiring/o", "bye", ("X-Delete-After", "1"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await PutAsync(client, $"{account}/expiring/past", "x", ("X-Delete-At", "1000"))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        (await client.GetAsync($"{account}/expiring/o")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // The expirer runs every 30 s: the object row and the container's count go.
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (Header(await SendAsync(client, HttpMethod.Head, $"{account}/expiring"), "X-Container-Object-Count") != "0")
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the expirer did not remove the object");
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    [Fact]
    public async Task Put_ChunkedBody_IsStored_AndInfoListsTheMiddleware()
    {
        var (client, account) = await AdminAsync();
        await PutAsync(client, $"{account}/chunked", string.Empty);
        using var chunked = new HttpRequestMessage(HttpMethod.Put, $"{account}/chunked/o") { Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("streamed body"))) };
        chunked.Headers.TransferEncodingChunked = true;
        (await client.SendAsync(chunked)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await client.GetStringAsync($"{account}/chunked/o")).ShouldBe("streamed body");

        var info = JsonDocument.Parse(await client.GetStringAsync("/object-store/info")).RootElement;
        info.GetProperty("swift").GetProperty("max_object_name_length").GetInt32().ShouldBe(1024);
        foreach (var middleware in new[] { "slo", "tempurl", "bulk_delete", "account_quotas", "container_quotas", "versioned_writes" })
        {
            info.TryGetProperty(middleware, out _).ShouldBeTrue(middleware);
        }
    }
}

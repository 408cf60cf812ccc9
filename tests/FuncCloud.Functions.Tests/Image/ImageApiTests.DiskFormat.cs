using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using FuncCloud.Shared.Image;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace FuncCloud.Functions.Tests.Image;

/// <summary>Format inspection on upload: <c>virtual_size</c>, and data that contradicts <c>disk_format</c> refused.</summary>
public sealed partial class ImageApiTests
{
    private static JsonObject Declared(string diskFormat) =>
        new() { ["name"] = "fmt-" + Guid.NewGuid().ToString("N")[..6], ["disk_format"] = diskFormat, ["container_format"] = "bare" };

    private static async Task<JsonObject> ShowAsync(HttpClient client, string id) =>
        await JsonAsync(await client.GetAsync($"/image/v2/images/{id}"), HttpStatusCode.OK);

    [Fact]
    public async Task Upload_Qcow2_VirtualSizeFromHeader()
    {
        using var client = host.ClientWith(await host.DemoTokenAsync());
        var id = await CreateAsync(client, Declared(DiskFormats.Qcow2));
        var data = Qcow2Image.Create(Qcow2Image.OneGiB, tail: 70_000);

        (await UploadAsync(client, id, data)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var image = await ShowAsync(client, id);
        image["status"]!.GetValue<string>().ShouldBe("active");
        image["size"]!.GetValue<long>().ShouldBe(data.Length);
        image["virtual_size"]!.GetValue<long>().ShouldBe(Qcow2Image.OneGiB);
    }

    [Fact]
    public async Task Upload_Raw_VirtualSizeIsSize()
    {
        using var client = host.ClientWith(await host.DemoTokenAsync());
        var id = await CreateAsync(client, Declared(DiskFormats.Raw));
        var data = RandomNumberGenerator.GetBytes(100_001);

        (await UploadAsync(client, id, data)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await ShowAsync(client, id))["virtual_size"]!.GetValue<long>().ShouldBe(data.Length);
    }

    [Fact]
    public async Task Upload_UninspectedFormat_VirtualSizeNull()
    {
        using var client = host.ClientWith(await host.DemoTokenAsync());
        var id = await CreateAsync(client, Declared("vmdk"));

        (await UploadAsync(client, id, RandomNumberGenerator.GetBytes(4096))).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var image = await ShowAsync(client, id);
        image["status"]!.GetValue<string>().ShouldBe("active");
        image.ContainsKey("virtual_size").ShouldBeTrue();
        image["virtual_size"].ShouldBeNull();
    }

    [Fact]
    public async Task Upload_Qcow2DeclaredButNotQcow2_Returns400QueuedNothingKeptThenRetryWorks()
    {
        using var client = host.ClientWith(await host.DemoTokenAsync());
        var id = await CreateAsync(client, Declared(DiskFormats.Qcow2));

        var error = await JsonAsync(await UploadAsync(client, id, RandomNumberGenerator.GetBytes(64 * 1024)), HttpStatusCode.BadRequest);
        error["code"]!.GetValue<string>().ShouldBe("400 Bad Request");
        error["title"]!.GetValue<string>().ShouldBe("Bad Request");
        error["message"]!.GetValue<string>().ShouldContain("does not match disk_format qcow2");

        var queued = await ShowAsync(client, id);
        queued["status"]!.GetValue<string>().ShouldBe("queued");
        queued["size"].ShouldBeNull();
        queued["virtual_size"].ShouldBeNull();
        (await client.GetAsync($"/image/v2/images/{id}/file")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var data = host.Services.GetRequiredService<ImageDataStore>();
        (await data.DataBlob(id).ExistsAsync()).Value.ShouldBeFalse();

        var good = Qcow2Image.Create(2 * Qcow2Image.OneGiB);
        (await UploadAsync(client, id, good)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var active = await ShowAsync(client, id);
        active["status"]!.GetValue<string>().ShouldBe("active");
        active["virtual_size"]!.GetValue<long>().ShouldBe(2 * Qcow2Image.OneGiB);
        (await client.GetByteArrayAsync($"/image/v2/images/{id}/file")).SequenceEqual(good).ShouldBeTrue();
    }

    [Theory]
    [InlineData(true, false, "backing file")]
    [InlineData(false, true, "external data file")]
    public async Task Upload_UnsafeQcow2_Returns400AndQueued(bool backingFile, bool externalDataFile, string reason)
    {
        using var client = host.ClientWith(await host.DemoTokenAsync());
        var id = await CreateAsync(client, Declared(DiskFormats.Qcow2));

        var error = await JsonAsync(await UploadAsync(client, id, Qcow2Image.Create(backingFile: backingFile, externalDataFile: externalDataFile)), HttpStatusCode.BadRequest);
        error["message"]!.GetValue<string>().ShouldContain(reason);
        (await ShowAsync(client, id))["status"]!.GetValue<string>().ShouldBe("queued");
    }

    [Fact]
    public async Task Upload_RawDeclaredButQcow2_Returns400()
    {
        using var client = host.ClientWith(await host.DemoTokenAsync());
        var id = await CreateAsync(client, Declared(DiskFormats.Raw));

        var error = await JsonAsync(await UploadAsync(client, id, Qcow2Image.Create()), HttpStatusCode.BadRequest);
        error["message"]!.GetValue<string>().ShouldContain("does not match disk_format raw");
        (await ShowAsync(client, id))["status"]!.GetValue<string>().ShouldBe("queued");
    }
}

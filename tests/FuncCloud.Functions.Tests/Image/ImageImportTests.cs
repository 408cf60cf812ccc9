using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using FuncCloud.Durable;
using FuncCloud.Functions;
using FuncCloud.Shared.Image;
using Microsoft.AspNetCore.Builder;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace FuncCloud.Functions.Tests.Image;

/// <summary>A host that also runs the durable functions (the import orchestration).</summary>
public sealed class ImageImportFixture : ImageHostFixture
{
    /// <inheritdoc />
    protected override IEnumerable<Assembly> FunctionAssemblies => [typeof(FunctionsAssembly).Assembly, typeof(DurableAssembly).Assembly];

    /// <inheritdoc />
    protected override void ConfigureServices(WebApplicationBuilder builder)
    {
        base.ConfigureServices(builder);
        builder.Services.AddFuncCloudDurable(builder.Configuration);
    }
}

/// <summary>Interoperable import (glance-direct): stage, import, the orchestration activates the image.</summary>
public sealed class ImageImportTests(ImageImportFixture host) : IClassFixture<ImageImportFixture>
{
    [Fact]
    public async Task GlanceDirect_StageThenImport_ImageBecomesActiveWithChecksums()
    {
        using var client = host.ClientWith(await host.DemoTokenAsync());
        using var created = await client.PostAsJsonAsync("/image/v2/images", new JsonObject { ["name"] = "imported", ["disk_format"] = "raw", ["container_format"] = "bare" });
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        var data = RandomNumberGenerator.GetBytes(5 * 1024 * 1024 + 3);
        var content = new ByteArrayContent(data);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        (await client.PutAsync($"/image/v2/images/{id}/stage", content)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var import = await client.PostAsJsonAsync($"/image/v2/images/{id}/import", new JsonObject { ["method"] = new JsonObject { ["name"] = "glance-direct" } });
        import.StatusCode.ShouldBe(HttpStatusCode.Accepted, await import.Content.ReadAsStringAsync());
        var again = await client.PostAsJsonAsync($"/image/v2/images/{id}/import", new JsonObject { ["method"] = new JsonObject { ["name"] = "glance-direct" } });
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var durable = host.Services.GetRequiredService<DurableTaskClient>();
        var instance = await durable.WaitForInstanceCompletionAsync(ImageWorkflows.ImportInstanceId(id), timeout.Token);
        instance.RuntimeStatus.ShouldBe(OrchestrationRuntimeStatus.Completed);

        var image = (await client.GetFromJsonAsync<JsonObject>($"/image/v2/images/{id}"))!;
        image["status"]!.GetValue<string>().ShouldBe("active");
        image["size"]!.GetValue<long>().ShouldBe(data.Length);
        image["virtual_size"]!.GetValue<long>().ShouldBe(data.Length);
        image["checksum"]!.GetValue<string>().ShouldBe(Convert.ToHexStringLower(MD5.HashData(data)));
        image["os_hash_value"]!.GetValue<string>().ShouldBe(Convert.ToHexStringLower(SHA512.HashData(data)));
        (await client.GetByteArrayAsync($"/image/v2/images/{id}/file")).SequenceEqual(data).ShouldBeTrue();
    }

    private static async Task<string> StageAndImportAsync(HttpClient client, string diskFormat, byte[] data)
    {
        using var created = await client.PostAsJsonAsync("/image/v2/images", new JsonObject { ["name"] = "import-" + diskFormat, ["disk_format"] = diskFormat, ["container_format"] = "bare" });
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        var content = new ByteArrayContent(data);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        (await client.PutAsync($"/image/v2/images/{id}/stage", content)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await client.PostAsJsonAsync($"/image/v2/images/{id}/import", new JsonObject { ["method"] = new JsonObject { ["name"] = "glance-direct" } }))
            .StatusCode.ShouldBe(HttpStatusCode.Accepted);
        return id;
    }

    [Fact]
    public async Task GlanceDirect_Qcow2_VirtualSizeFromHeader()
    {
        using var client = host.ClientWith(await host.DemoTokenAsync());
        var id = await StageAndImportAsync(client, "qcow2", Qcow2Image.Create(Qcow2Image.OneGiB));

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await host.Services.GetRequiredService<DurableTaskClient>().WaitForInstanceCompletionAsync(ImageWorkflows.ImportInstanceId(id), timeout.Token);

        var image = (await client.GetFromJsonAsync<JsonObject>($"/image/v2/images/{id}"))!;
        image["status"]!.GetValue<string>().ShouldBe("active");
        image["virtual_size"]!.GetValue<long>().ShouldBe(Qcow2Image.OneGiB);
    }

    [Fact]
    public async Task GlanceDirect_Qcow2DeclaredButNotQcow2_RollsBackToQueued()
    {
        using var client = host.ClientWith(await host.DemoTokenAsync());
        var id = await StageAndImportAsync(client, "qcow2", RandomNumberGenerator.GetBytes(8192));

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await host.Services.GetRequiredService<DurableTaskClient>().WaitForInstanceCompletionAsync(ImageWorkflows.ImportInstanceId(id), timeout.Token);

        var image = (await client.GetFromJsonAsync<JsonObject>($"/image/v2/images/{id}"))!;
        image["status"]!.GetValue<string>().ShouldBe("queued");
        image["os_glance_failed_import"]!.GetValue<string>().ShouldBe("local");
        image["virtual_size"].ShouldBeNull();
        var data = host.Services.GetRequiredService<ImageDataStore>();
        (await data.DataBlob(id).ExistsAsync()).Value.ShouldBeFalse();
    }

    [Fact]
    public async Task GlanceDirect_StagedDataMissing_RollsBackToQueued()
    {
        using var client = host.ClientWith(await host.DemoTokenAsync());
        using var created = await client.PostAsJsonAsync("/image/v2/images", new JsonObject { ["name"] = "broken-import", ["disk_format"] = "raw", ["container_format"] = "bare" });
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        var content = new ByteArrayContent([1, 2, 3]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        (await client.PutAsync($"/image/v2/images/{id}/stage", content)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var data = host.Services.GetRequiredService<ImageDataStore>();
        await data.DeleteAsync(data.StagingBlob(id), CancellationToken.None);

        (await client.PostAsJsonAsync($"/image/v2/images/{id}/import", new JsonObject { ["method"] = new JsonObject { ["name"] = "glance-direct" } }))
            .StatusCode.ShouldBe(HttpStatusCode.Accepted);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await host.Services.GetRequiredService<DurableTaskClient>().WaitForInstanceCompletionAsync(ImageWorkflows.ImportInstanceId(id), timeout.Token);

        var image = (await client.GetFromJsonAsync<JsonObject>($"/image/v2/images/{id}"))!;
        image["status"]!.GetValue<string>().ShouldBe("queued");
        image["os_glance_failed_import"]!.GetValue<string>().ShouldBe("local");
    }
}

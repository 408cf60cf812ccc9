using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Shouldly;
using Xunit;

namespace FuncCloud.Functions.Tests.Image;

/// <summary>Defects the Tempest conformance stage found (docs/conformance.md), kept fixed here.</summary>
public sealed partial class ImageApiTests
{
    [Fact]
    public async Task Patch_LegacyV20MediaType_AppliesOpNamedAsKey()
    {
        using var client = host.ClientWith(await host.DemoTokenAsync());
        var id = await CreateAsync(client);
        const string legacy = "application/openstack-images-v2.0-json-patch";

        var patched = await JsonAsync(await client.PatchAsync($"/image/v2/images/{id}", new StringContent(
            """[{"replace": "/name", "value": "legacy-name"}, {"add": "/colour", "value": "blue"}]""", Encoding.UTF8, legacy)), HttpStatusCode.OK);

        patched["name"]!.GetValue<string>().ShouldBe("legacy-name");
        patched["colour"]!.GetValue<string>().ShouldBe("blue");
        (await client.PatchAsync($"/image/v2/images/{id}", new StringContent("""[{"value": "x"}]""", Encoding.UTF8, legacy)))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task List_BySizeAndSizeRange_ReturnsOnlyMatchingImages()
    {
        using var client = host.ClientWith(await host.DemoTokenAsync());
        var small = await CreateAsync(client);
        (await UploadAsync(client, small, new byte[1234])).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var large = await CreateAsync(client);
        (await UploadAsync(client, large, new byte[4321])).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var bySize = await JsonAsync(await client.GetAsync("/image/v2/images?size=1234"), HttpStatusCode.OK);
        var ids = bySize["images"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()).ToList();
        ids.ShouldContain(small);
        ids.ShouldNotContain(large);
        bySize["images"]!.AsArray().ShouldAllBe(i => i!["size"]!.GetValue<long>() == 1234);

        var range = await JsonAsync(await client.GetAsync("/image/v2/images?size_min=2000&size_max=5000"), HttpStatusCode.OK);
        var rangeIds = range["images"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()).ToList();
        rangeIds.ShouldContain(large);
        rangeIds.ShouldNotContain(small);
    }

    [Fact]
    public async Task GetAndDelete_EmptyImageId_Return404InGlanceShape()
    {
        using var client = host.ClientWith(await host.DemoTokenAsync());

        var shown = await JsonAsync(await client.GetAsync("/image/v2/images/"), HttpStatusCode.NotFound);
        shown["code"]!.GetValue<string>().ShouldBe("404 Not Found");
        var deleted = await JsonAsync(await client.DeleteAsync("/image/v2/images/"), HttpStatusCode.NotFound);
        deleted["title"]!.GetValue<string>().ShouldBe("Not Found");
        (await client.DeleteAsync("/image/v2/images")).StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
        (await client.GetAsync("/image/v2/images")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}

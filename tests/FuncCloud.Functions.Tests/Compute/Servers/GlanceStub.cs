using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Tests.Compute.Servers;

/// <summary>
/// A read-only stand-in for Glance (the image service is another engineer's and not merged yet): version
/// discovery, show and list of the one seeded image, so the openstack CLI can resolve <c>--image</c>.
/// </summary>
public sealed class GlanceStub
{
    public const string Root = "image";

    [Function(nameof(GlanceVersions))]
    public IResult GlanceVersions([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Root)] HttpRequest req) =>
        Results.Json(new JsonObject
        {
            ["versions"] = new JsonArray(new JsonObject
            {
                ["id"] = "v2.9",
                ["status"] = "CURRENT",
                ["links"] = new JsonArray(new JsonObject { ["rel"] = "self", ["href"] = $"{req.Scheme}://{req.Host}/{Root}/v2/" }),
            }),
        }, statusCode: StatusCodes.Status300MultipleChoices);

    [Function(nameof(GlanceShowImage))]
    public IResult GlanceShowImage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Root + "/v2/images/{imageId}")] HttpRequest req, string imageId) =>
        imageId is ComputeHostFixture.ImageId or ComputeHostFixture.ImageName ? Results.Json(Image()) : Results.NotFound();

    [Function(nameof(GlanceListImages))]
    public IResult GlanceListImages([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Root + "/v2/images")] HttpRequest req)
    {
        var name = req.Query["name"].ToString();
        var images = name.Length == 0 || name == ComputeHostFixture.ImageName ? new JsonArray(Image()) : [];
        return Results.Json(new JsonObject { ["images"] = images, ["schema"] = "/v2/schemas/images", ["first"] = "/v2/images" });
    }

    private static JsonObject Image() => new()
    {
        ["id"] = ComputeHostFixture.ImageId,
        ["name"] = ComputeHostFixture.ImageName,
        ["status"] = "active",
        ["visibility"] = "public",
        ["disk_format"] = "qcow2",
        ["container_format"] = "bare",
        ["min_disk"] = 0,
        ["min_ram"] = 0,
        ["size"] = 1024,
        ["tags"] = new JsonArray(),
        ["created_at"] = "2026-01-01T00:00:00Z",
        ["updated_at"] = "2026-01-01T00:00:00Z",
        ["self"] = $"/v2/images/{ComputeHostFixture.ImageId}",
        ["file"] = $"/v2/images/{ComputeHostFixture.ImageId}/file",
        ["schema"] = "/v2/schemas/image",
    };
}

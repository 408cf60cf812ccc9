using System.Globalization;
using System.Text.Json.Nodes;
using FuncCloud.Functions.Image.Api;
using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.Image;
using Microsoft.AspNetCore.Http;

namespace FuncCloud.Functions.Compute.Images;

/// <summary>
/// Nova's image proxy (<c>/images</c>, deprecated from 2.36, where nova answers 404): a Glance image in
/// nova's view (nova/api/openstack/compute/views/images.py).
/// </summary>
public static class ComputeImageWire
{
    /// <summary>The collection path under /compute/v2.1.</summary>
    public const string Collection = ComputeRoutes.V21 + "/images";

    /// <summary><c>{"image": {...}}</c>'s member.</summary>
    public static JsonObject Detail(HttpRequest request, ImageRecord image)
    {
        var status = Status(image.Status);
        var json = new JsonObject
        {
            ["id"] = image.Id,
            ["name"] = image.Name,
            ["minRam"] = image.MinRam,
            ["minDisk"] = image.MinDisk,
            ["metadata"] = new JsonObject([.. image.Properties.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))]),
            ["created"] = Time(image.CreatedAt),
            ["updated"] = Time(image.UpdatedAt),
            ["status"] = status,
            ["progress"] = status switch { "ACTIVE" => 100, "SAVING" => image.Status == ImageStatus.Queued ? 25 : 50, _ => 0 },
            ["links"] = new JsonArray(
                new JsonObject { ["rel"] = "self", ["href"] = $"{ComputeRoutes.V21Url(request)}/images/{image.Id}" },
                new JsonObject { ["rel"] = "bookmark", ["href"] = $"{ComputeRoutes.RootUrl(request)}/images/{image.Id}" },
                new JsonObject { ["rel"] = "alternate", ["type"] = "application/vnd.openstack.image", ["href"] = $"{RequestUrlsRoot(request)}/images/{image.Id}" }),
            ["OS-EXT-IMG-SIZE:size"] = image.Size,
        };
        if (image.Properties.TryGetValue("instance_uuid", out var serverId))
        {
            json["server"] = new JsonObject { ["id"] = serverId, ["links"] = NovaPaging.ResourceLinks(request, $"servers/{serverId}") };
        }

        return json;
    }

    // nova's _get_status: Glance's status in nova's words.
    private static string Status(string glanceStatus) => glanceStatus switch
    {
        ImageStatus.Active => "ACTIVE",
        ImageStatus.Queued or ImageStatus.Saving => "SAVING",
        ImageStatus.Deleted => "DELETED",
        ImageStatus.Killed => "ERROR",
        _ => "UNKNOWN",
    };

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static string RequestUrlsRoot(HttpRequest request) => ImageRoutes.V2Url(request);
}

using System.Text.Json.Nodes;
using FuncCloud.Functions.Image.Services;
using Microsoft.AspNetCore.WebUtilities;

namespace FuncCloud.Functions.Image.Api;

/// <summary>The body of <c>GET /v2/images</c>: images, <c>first</c>, <c>next</c> (when a page is full) and <c>schema</c>.</summary>
public static class ImageListWire
{
    /// <summary>The list body; links keep the caller's parameters, as Glance's do.</summary>
    public static JsonObject Page(ImagePage page, ImageListQuery query)
    {
        var others = query.Raw.Where(p => p.Key != "marker").ToList();
        var body = new JsonObject
        {
            ["images"] = new JsonArray(page.Images.Select(i => (JsonNode?)ImageWire.Image(i)).ToArray()),
            ["first"] = Link(others),
            ["schema"] = "/v2/schemas/images",
        };
        if (page.NextMarker is { } marker)
        {
            body["next"] = Link([.. others, new("marker", marker)]);
        }

        return body;
    }

    private static string Link(IEnumerable<KeyValuePair<string, string>> parameters) =>
        QueryHelpers.AddQueryString("/v2/images", parameters.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value)));
}

using System.Text.Json.Nodes;
using FuncCloud.Functions.Network.Services;
using FuncCloud.Shared.OpenStack;
using Microsoft.AspNetCore.Http;

namespace FuncCloud.Functions.Network.Api;

/// <summary>Neutron's version document (<c>/network</c>) and v2.0 resource index (<c>/network/v2.0</c>).</summary>
public static class NeutronDiscovery
{
    /// <summary><c>{"versions": [{"id": "v2.0", "status": "CURRENT", "links": [...]}]}</c>.</summary>
    public static JsonObject Versions(HttpRequest request) => new()
    {
        ["versions"] = new JsonArray(new JsonObject
        {
            ["id"] = "v2.0",
            ["status"] = "CURRENT",
            ["links"] = new JsonArray(new JsonObject { ["href"] = NeutronRoutes.V2Url(request) + "/", ["rel"] = "self" }),
        }),
    };

    /// <summary><c>{"resources": [{"name", "collection", "links"}]}</c> for the collections served.</summary>
    public static JsonObject Resources(HttpRequest request, ResourceRegistry registry) => new()
    {
        ["resources"] = new JsonArray(registry.All.Select(k => (JsonNode?)new JsonObject
        {
            ["name"] = k.Singular,
            ["collection"] = k.Collection,
            ["links"] = new JsonArray(new JsonObject { ["href"] = $"{NeutronRoutes.V2Url(request)}/{k.Path}", ["rel"] = "self" }),
        }).ToArray()),
    };

    /// <summary>The origin-relative URL of a collection, for pagination links.</summary>
    public static string CollectionUrl(HttpRequest request, string collection) => $"{RequestUrls.Origin(request)}/{NeutronRoutes.V2}/{collection}";
}

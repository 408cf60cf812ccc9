using System.Text.Json.Nodes;
using FuncCloud.Shared.Volume.Api;
using Microsoft.AspNetCore.Http;

namespace FuncCloud.Functions.Volume.Versions;

/// <summary>Cinder's version documents: one v3.0 entry with <c>min_version</c> and <c>version</c> (the newest microversion).</summary>
public static class VolumeVersionDocuments
{
    /// <summary>The <c>{"versions": [v3.0]}</c> body both discovery URLs answer.</summary>
    public static JsonObject Versions(HttpRequest request) => new()
    {
        ["versions"] = new JsonArray(new JsonObject
        {
            ["id"] = "v3.0",
            ["status"] = "CURRENT",
            ["version"] = VolumeApiVersion.Max.ToString(),
            ["min_version"] = VolumeApiVersion.Min.ToString(),
            ["updated"] = "2023-08-31T00:00:00Z",
            ["links"] = new JsonArray(
                new JsonObject { ["href"] = VolumeRoutes.V3Url(request) + "/", ["rel"] = "self" },
                new JsonObject { ["href"] = "https://docs.openstack.org/", ["type"] = "text/html", ["rel"] = "describedby" }),
            ["media-types"] = new JsonArray(new JsonObject { ["base"] = "application/json", ["type"] = "application/vnd.openstack.volume+json;version=3" }),
        }),
    };
}

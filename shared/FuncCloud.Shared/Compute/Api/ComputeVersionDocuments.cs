using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace FuncCloud.Shared.Compute.Api;

/// <summary>
/// Nova's version discovery documents. keystoneauth and openstacksdk read <c>version</c> (the maximum
/// microversion) and <c>min_version</c> from them to negotiate; a catalog endpoint <c>/compute/v2.1</c>
/// is discovered either directly or by stripping the version and reading <c>/compute/</c>.
/// </summary>
public static class ComputeVersionDocuments
{
    /// <summary>The v2.1 entry.</summary>
    public static JsonObject V21(HttpRequest request) => new()
    {
        ["id"] = "v2.1",
        ["status"] = "CURRENT",
        ["version"] = ComputeApiVersion.Max.ToString(),
        ["min_version"] = ComputeApiVersion.Min.ToString(),
        ["updated"] = "2013-07-23T11:33:21Z",
        ["links"] = new JsonArray(
            new JsonObject { ["rel"] = "self", ["href"] = ComputeRoutes.V21Url(request) + "/" },
            new JsonObject { ["rel"] = "describedby", ["type"] = "text/html", ["href"] = "http://docs.openstack.org/" }),
        ["media-types"] = new JsonArray(
            new JsonObject { ["base"] = "application/json", ["type"] = "application/vnd.openstack.compute+json;version=2.1" }),
    };

    /// <summary>
    /// The v2.0 entry nova lists first (Tempest's test_list_api_versions requires it first). Clients that
    /// negotiate pick v2.1, the highest of major version 2; <c>GET /compute/v2</c> answers with this entry,
    /// but the legacy v2.0 resource paths are not served (docs/compute-api.md).
    /// </summary>
    public static JsonObject V20(HttpRequest request) => new()
    {
        ["id"] = "v2.0",
        ["status"] = "SUPPORTED",
        ["version"] = string.Empty,
        ["min_version"] = string.Empty,
        ["updated"] = "2011-01-21T11:33:21Z",
        ["links"] = new JsonArray(new JsonObject { ["rel"] = "self", ["href"] = ComputeRoutes.RootUrl(request) + "/v2/" }),
    };

    /// <summary>The body of <c>GET /compute/v2</c>.</summary>
    public static JsonObject Version20(HttpRequest request) => new() { ["version"] = V20(request) };

    /// <summary>The body of <c>GET /compute/v2.1</c>.</summary>
    public static JsonObject Version(HttpRequest request) => new() { ["version"] = V21(request) };

    /// <summary>The body of <c>GET /compute/</c> (nova answers it with 200, not 300).</summary>
    public static JsonObject Versions(HttpRequest request) => new() { ["versions"] = new JsonArray(V20(request), V21(request)) };
}

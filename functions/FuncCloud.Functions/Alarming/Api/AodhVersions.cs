using System.Text.Json.Nodes;
using FuncCloud.Shared.OpenStack;
using Microsoft.AspNetCore.Http;

namespace FuncCloud.Functions.Alarming.Api;

/// <summary>Aodh's discovery and capabilities documents.</summary>
public static class AodhVersions
{
    /// <summary><c>GET /</c>: the one version, v2.</summary>
    public static JsonObject For(HttpRequest request) => new()
    {
        ["versions"] = new JsonObject
        {
            ["values"] = new JsonArray(new JsonObject
            {
                ["status"] = "stable",
                ["media-types"] = new JsonArray(new JsonObject { ["base"] = "application/json", ["type"] = "application/vnd.openstack.telemetry-v2+json" }),
                ["id"] = "v2",
                ["updated"] = "2013-02-13T00:00:00Z",
                ["links"] = new JsonArray(
                    new JsonObject { ["rel"] = "self", ["href"] = $"{RequestUrls.Origin(request)}/{AlarmingRoutes.V2}" },
                    new JsonObject { ["rel"] = "describedby", ["type"] = "text/html", ["href"] = "https://docs.openstack.org/" }),
            }),
        },
    };

    /// <summary><c>GET /v2/capabilities</c>: simple queries, and complex queries of alarms (not of history).</summary>
    public static JsonObject Capabilities() => new()
    {
        ["api"] = new JsonObject
        {
            ["alarms:query:simple"] = true,
            ["alarms:query:complex"] = true,
            ["alarms:history:query:simple"] = true,
            ["alarms:history:query:complex"] = false,
        },
        ["alarm_storage"] = new JsonObject { ["storage:production_ready"] = true },
    };
}

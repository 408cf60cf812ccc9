using System.Text.Json.Nodes;
using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.Compute.Servers;

namespace FuncCloud.Functions.Compute.Servers.Api;

/// <summary>A page of servers as <c>{"servers": [...], "servers_links": [...]}</c>.</summary>
public static class ServerPages
{
    public static JsonObject Render(NovaPage<ServerRecord> page, Func<ServerRecord, JsonObject> render)
    {
        var json = new JsonObject { ["servers"] = new JsonArray([.. page.Items.Select(s => (JsonNode)render(s))]) };
        if (page.Links is not null)
        {
            json["servers_links"] = page.Links;
        }

        return json;
    }
}

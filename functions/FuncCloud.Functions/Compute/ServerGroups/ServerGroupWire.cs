using System.Text.Json.Nodes;
using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.Compute.ServerGroups;

namespace FuncCloud.Functions.Compute.ServerGroups;

/// <summary>The wire shape of a server group per microversion (api-ref "Server groups").</summary>
public static class ServerGroupWire
{
    /// <summary>The route of the server group collection.</summary>
    public const string Collection = ComputeRoutes.V21 + "/os-server-groups";

    /// <summary>A server group at <paramref name="version"/>.</summary>
    public static JsonObject Render(ComputeApiVersion version, ServerGroup group)
    {
        var json = new JsonObject
        {
            ["id"] = group.Id,
            ["name"] = group.Name,
            ["members"] = new JsonArray(group.Members.Select(m => (JsonNode)JsonValue.Create(m)).ToArray()),
        };
        if (version.IsAtLeast(2, 64))
        {
            json["policy"] = group.Policy;
            json["rules"] = group.MaxServerPerHost is { } max ? new JsonObject { ["max_server_per_host"] = max } : new JsonObject();
        }
        else
        {
            json["policies"] = new JsonArray(JsonValue.Create(group.Policy));
            json["metadata"] = new JsonObject();
        }

        if (version.IsAtLeast(2, 13))
        {
            json["project_id"] = group.ProjectId;
            json["user_id"] = group.UserId;
        }

        return json;
    }
}

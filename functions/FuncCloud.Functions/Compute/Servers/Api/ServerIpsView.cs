using System.Text.Json.Nodes;
using FuncCloud.Shared.OpenStack.Errors;
using Microsoft.AspNetCore.Http;

namespace FuncCloud.Functions.Compute.Servers.Api;

/// <summary>nova's ips view: the server detail's <c>addresses</c> without the <c>OS-EXT-IPS*</c> keys (strict clients reject them here).</summary>
public static class ServerIpsView
{
    /// <summary>Per network label, each address as <c>{"version", "addr"}</c>.</summary>
    public static JsonObject Basic(JsonObject addresses)
    {
        var result = new JsonObject();
        foreach (var (label, list) in addresses)
        {
            result[label] = new JsonArray([.. (list as JsonArray ?? []).OfType<JsonObject>().Select(a => (JsonNode)new JsonObject
            {
                ["version"] = a["version"]?.DeepClone(),
                ["addr"] = a["addr"]?.DeepClone(),
            })]);
        }

        return result;
    }
}

/// <summary>404: the server has no address on that network (nova's ips show).</summary>
public sealed class ServerNetworkLabelNotFoundException()
    : OpenStackException(StatusCodes.Status404NotFound, "Not Found", "Instance is not a member of specified network");

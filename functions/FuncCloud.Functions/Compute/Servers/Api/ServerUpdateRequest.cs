using System.Text.Json.Nodes;
using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.OpenStack;
using FuncCloud.Shared.OpenStack.Errors;

namespace FuncCloud.Functions.Compute.Servers.Api;

/// <summary>A validated <c>PUT /servers/{id}</c> body.</summary>
public sealed record ServerUpdateRequest(string? Name, bool DescriptionSet, string? Description, string? AccessIpv4, string? AccessIpv6)
{
    public static ServerUpdateRequest Parse(JsonObject body, ComputeApiVersion version)
    {
        var server = body.RequireMember("server");
        string[] allowed = version.IsAtLeast(2, 19) ? ["name", "description", "accessIPv4", "accessIPv6", "OS-DCF:diskConfig", "hostname"] : ["name", "accessIPv4", "accessIPv6", "OS-DCF:diskConfig"];
        foreach (var (key, _) in server)
        {
            if (!allowed.Contains(key))
            {
                throw new BadRequestException($"Invalid input for field/attribute server. Additional properties are not allowed ('{key}' was unexpected)");
            }
        }

        var name = server.OptionalName("name", 255)?.Trim();
        if (name is { Length: 0 })
        {
            throw new BadRequestException("Invalid input for field/attribute name. Value: . ' ' does not match a valid server name");
        }

        return new ServerUpdateRequest(name, server.ContainsKey("description"), server.OptionalString("description", 255), AccessIps.V4(server), AccessIps.V6(server));
    }
}

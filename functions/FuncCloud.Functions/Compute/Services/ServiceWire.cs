using System.Text.Json.Nodes;
using FuncCloud.Functions.Compute.Keypairs;
using FuncCloud.Shared.Compute.Aggregates;
using FuncCloud.Shared.Compute.Api;

namespace FuncCloud.Functions.Compute.Services;

/// <summary>
/// The wire shape of a compute service (api-ref "Compute services"): one <c>nova-compute</c> per node,
/// identified by the node UUID (nova's 2.53 ids).
/// </summary>
public static class ServiceWire
{
    /// <summary>The route of the service collection.</summary>
    public const string Collection = ComputeRoutes.V21 + "/os-services";

    /// <summary>The binary every node runs.</summary>
    public const string ComputeBinary = "nova-compute";

    /// <summary>A service at <paramref name="version"/>.</summary>
    public static JsonObject Render(ComputeApiVersion version, ZonedNode zoned)
    {
        var node = zoned.Node;
        var json = new JsonObject
        {
            ["id"] = node.Id,
            ["binary"] = ComputeBinary,
            ["host"] = node.Name,
            ["zone"] = zoned.Zone,
            ["status"] = node.Enabled ? "enabled" : "disabled",
            ["state"] = node.Up && !node.ForcedDown ? "up" : "down",
            ["updated_at"] = node.UpdatedAt is { } at ? KeypairWire.NovaTime(at) : null,
            ["disabled_reason"] = node.DisabledReason,
        };
        if (version.IsAtLeast(2, 11))
        {
            json["forced_down"] = node.ForcedDown;
        }

        return json;
    }
}

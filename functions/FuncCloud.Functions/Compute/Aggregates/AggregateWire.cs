using System.Text.Json.Nodes;
using FuncCloud.Functions.Compute.Keypairs;
using FuncCloud.Shared.Compute.Aggregates;
using FuncCloud.Shared.Compute.Api;

namespace FuncCloud.Functions.Compute.Aggregates;

/// <summary>The wire shape of an aggregate (api-ref "Host Aggregates").</summary>
public static class AggregateWire
{
    /// <summary>The route of the aggregate collection.</summary>
    public const string Collection = ComputeRoutes.V21 + "/os-aggregates";

    /// <summary>An aggregate at <paramref name="version"/> (<c>uuid</c> from 2.41).</summary>
    public static JsonObject Render(ComputeApiVersion version, Aggregate aggregate)
    {
        var json = new JsonObject
        {
            ["id"] = aggregate.Id,
            ["name"] = aggregate.Name,
            ["availability_zone"] = aggregate.AvailabilityZone,
            ["hosts"] = new JsonArray(aggregate.Hosts.Select(h => (JsonNode)JsonValue.Create(h)).ToArray()),
            ["metadata"] = new JsonObject(aggregate.Metadata.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => KeyValuePair.Create<string, JsonNode?>(m.Key, m.Value))),
            ["created_at"] = KeypairWire.NovaTime(aggregate.CreatedAt),
            ["updated_at"] = aggregate.UpdatedAt is { } updated ? KeypairWire.NovaTime(updated) : null,
            ["deleted_at"] = null,
            ["deleted"] = false,
        };
        if (version.IsAtLeast(2, 41))
        {
            json["uuid"] = aggregate.Uuid;
        }

        return json;
    }
}

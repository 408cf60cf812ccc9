using System.Text.Json.Nodes;
using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.Compute.Flavors;
using Microsoft.AspNetCore.Http;

namespace FuncCloud.Functions.Compute.Flavors;

/// <summary>The wire shapes of flavors per microversion (api-ref "Flavors").</summary>
public static class FlavorWire
{
    /// <summary>The route of the flavor collection.</summary>
    public const string Collection = ComputeRoutes.V21 + "/flavors";

    /// <summary>The summary of <c>GET /flavors</c>.</summary>
    public static JsonObject Summary(HttpRequest request, ComputeApiVersion version, Flavor flavor)
    {
        var json = new JsonObject { ["id"] = flavor.Id, ["name"] = flavor.Name, ["links"] = NovaPaging.ResourceLinks(request, "flavors/" + flavor.Id) };
        if (version.IsAtLeast(2, 55))
        {
            json["description"] = flavor.Description;
        }

        return json;
    }

    /// <summary>The full flavor of <c>GET /flavors/detail</c>, show and create.</summary>
    public static JsonObject Detail(HttpRequest request, ComputeApiVersion version, Flavor flavor)
    {
        var json = new JsonObject
        {
            ["id"] = flavor.Id,
            ["name"] = flavor.Name,
            ["ram"] = flavor.RamMb,
            ["disk"] = flavor.DiskGb,
            ["vcpus"] = flavor.Vcpus,
            // Before 2.75 nova rendered "no swap" as an empty string.
            ["swap"] = flavor.SwapMb == 0 && !version.IsAtLeast(2, 75) ? JsonValue.Create(string.Empty) : JsonValue.Create(flavor.SwapMb),
            ["OS-FLV-EXT-DATA:ephemeral"] = flavor.EphemeralGb,
            ["OS-FLV-DISABLED:disabled"] = flavor.Disabled,
            ["os-flavor-access:is_public"] = flavor.IsPublic,
            ["rxtx_factor"] = flavor.RxtxFactor,
            ["links"] = NovaPaging.ResourceLinks(request, "flavors/" + flavor.Id),
        };
        if (version.IsAtLeast(2, 55))
        {
            json["description"] = flavor.Description;
        }

        if (version.IsAtLeast(2, 61))
        {
            json["extra_specs"] = Specs(flavor.ExtraSpecs);
        }

        return json;
    }

    /// <summary>An extra specs map.</summary>
    public static JsonObject Specs(IReadOnlyDictionary<string, string> specs) =>
        new(specs.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => KeyValuePair.Create<string, JsonNode?>(s.Key, s.Value)));

    /// <summary><c>{"flavor_access": [{"flavor_id", "tenant_id"}]}</c>.</summary>
    public static JsonObject Access(string flavorId, IEnumerable<string> projects) => new()
    {
        ["flavor_access"] = new JsonArray(projects.Select(p => (JsonNode)new JsonObject { ["flavor_id"] = flavorId, ["tenant_id"] = p }).ToArray()),
    };

    /// <summary>A page of flavors with <c>flavors_links</c> when there is more.</summary>
    public static JsonObject Page(HttpRequest request, NovaPage<Flavor> page, Func<Flavor, JsonObject> render)
    {
        var json = new JsonObject { ["flavors"] = new JsonArray(page.Items.Select(f => (JsonNode)render(f)).ToArray()) };
        if (page.Links is not null)
        {
            json["flavors_links"] = page.Links;
        }

        return json;
    }
}

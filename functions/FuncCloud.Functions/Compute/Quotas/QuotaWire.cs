using System.Text.Json.Nodes;
using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.Compute.Quotas;

namespace FuncCloud.Functions.Compute.Quotas;

/// <summary>The wire shapes of quota sets per microversion (api-ref "Quota sets").</summary>
public static class QuotaWire
{
    /// <summary>The route of the quota sets.</summary>
    public const string Collection = ComputeRoutes.V21 + "/os-quota-sets";

    /// <summary>The route of the quota class sets.</summary>
    public const string Classes = ComputeRoutes.V21 + "/os-quota-class-sets";

    /// <summary>A <c>quota_set</c> of limits (with <c>id</c> when given).</summary>
    public static JsonObject Limits(ComputeApiVersion version, IReadOnlyDictionary<string, int> limits, string? id)
    {
        var json = new JsonObject();
        if (id is not null)
        {
            json["id"] = id;
        }

        foreach (var key in ComputeQuotaResources.VisibleAt(version))
        {
            json[key] = limits.TryGetValue(key, out var limit) ? limit : ComputeQuotaResources.LegacyNetwork[key];
        }

        return json;
    }

    /// <summary>A detailed <c>quota_set</c>: <c>{"instances": {"limit", "in_use", "reserved"}}</c>.</summary>
    public static JsonObject Detail(ComputeApiVersion version, IReadOnlyDictionary<string, QuotaDetail> details, string id)
    {
        var json = new JsonObject { ["id"] = id };
        foreach (var key in ComputeQuotaResources.VisibleAt(version))
        {
            var detail = details.TryGetValue(key, out var d) ? d : new QuotaDetail(ComputeQuotaResources.LegacyNetwork[key], 0, 0);
            json[key] = new JsonObject { ["limit"] = detail.Limit, ["in_use"] = detail.InUse, ["reserved"] = detail.Reserved };
        }

        return json;
    }
}

using System.Text.Json.Nodes;
using FuncCloud.Shared.Volume.Quotas;

namespace FuncCloud.Functions.Volume.Quotas;

/// <summary>The <c>quota_set</c> bodies, plain or with usage (<c>usage=true</c>).</summary>
public static class VolumeQuotaWire
{
    /// <summary>A quota set of plain limits.</summary>
    public static JsonObject Limits(string projectId, IReadOnlyDictionary<string, int> limits)
    {
        var body = new JsonObject { ["id"] = projectId };
        foreach (var name in VolumeQuotaResources.All)
        {
            body[name] = limits[name];
        }

        return new JsonObject { ["quota_set"] = body };
    }

    /// <summary>A quota set whose values are <c>{"limit", "in_use", "reserved"}</c>.</summary>
    public static JsonObject WithUsage(string projectId, IReadOnlyDictionary<string, int> limits, VolumeUsage usage)
    {
        var body = new JsonObject { ["id"] = projectId };
        foreach (var name in VolumeQuotaResources.All)
        {
            body[name] = new JsonObject { ["limit"] = limits[name], ["in_use"] = usage.Of(name), ["reserved"] = 0 };
        }

        return new JsonObject { ["quota_set"] = body };
    }
}

using System.Text.Json.Nodes;
using FuncCloud.Shared.Compute.Api;

namespace FuncCloud.Shared.Compute.Quotas;

/// <summary>A parsed <c>quota_set</c>/<c>quota_class_set</c> update body.</summary>
public sealed record QuotaSetRequest(IReadOnlyDictionary<string, int> Limits, bool Force)
{
    /// <summary>
    /// Parses <c>{"quota_set": {"instances": 5, "force": true}}</c> with the keys the microversion allows:
    /// network quotas are accepted and ignored before 2.36 (nova proxied them to neutron), injected file
    /// quotas exist until 2.57.
    /// </summary>
    /// <exception cref="OpenStack.Errors.BadRequestException">Unknown key or a bad value.</exception>
    public static QuotaSetRequest Parse(JsonObject body, string member, ComputeApiVersion version, bool allowForce)
    {
        var set = body.RequireMember(member);
        var allowed = ComputeQuotaResources.VisibleAt(version).Concat(allowForce ? ["force"] : []).ToArray();
        set.RejectUnknown(member, allowed);
        var limits = new Dictionary<string, int>();
        foreach (var (key, _) in set)
        {
            if (key is not "force" && ComputeQuotaResources.All.Contains(key))
            {
                limits[key] = set.RequireInt(key, ComputeQuotaResources.Unlimited);
            }
        }

        return new QuotaSetRequest(limits, allowForce && (set.OptionalBoolean("force") ?? false));
    }
}

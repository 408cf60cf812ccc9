using System.Text.Json.Nodes;
using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.Compute.Quotas;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using R = FuncCloud.Shared.Compute.Quotas.ComputeQuotaResources;

namespace FuncCloud.Functions.Compute.Limits;

/// <summary>
/// <c>GET /limits</c>: absolute limits (quotas) and usage of the caller's project, or of <c>tenant_id</c>
/// for admins; <c>rate</c> is always empty as in nova.
/// </summary>
public sealed class GetLimits(NovaHttp http, ComputeApiPolicy policy, IComputeQuotaService quotas)
{
    [Function(nameof(GetLimits))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ComputeRoutes.V21 + "/limits")] HttpRequest req,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async call =>
        {
            policy.Enforce(ComputeApiPolicies.Limits, call.Caller);
            var projectId = call.ProjectId;
            if (call.Query("tenant_id") is { Length: > 0 } other && other != projectId)
            {
                policy.Enforce(ComputeApiPolicies.LimitsOtherProject, call.Caller, other);
                projectId = other;
            }

            var detail = await quotas.GetDetailAsync(projectId, call.Caller.UserId, cancellationToken);
            return NovaHttp.Member("limits", new JsonObject { ["rate"] = new JsonArray(), ["absolute"] = Absolute(call.Version, detail) });
        }, cancellationToken);

    /// <summary>The <c>absolute</c> map for <paramref name="version"/>.</summary>
    public static JsonObject Absolute(ComputeApiVersion version, IReadOnlyDictionary<string, QuotaDetail> detail)
    {
        int Limit(string resource) => detail[resource].Limit;
        long Used(string resource) => detail[resource].InUse;
        var json = new JsonObject
        {
            ["maxServerMeta"] = Limit(R.MetadataItems),
            ["maxTotalInstances"] = Limit(R.Instances),
            ["maxTotalCores"] = Limit(R.Cores),
            ["maxTotalRAMSize"] = Limit(R.Ram),
            ["maxTotalKeypairs"] = Limit(R.KeyPairs),
            ["maxServerGroups"] = Limit(R.ServerGroups),
            ["maxServerGroupMembers"] = Limit(R.ServerGroupMembers),
            ["totalInstancesUsed"] = Used(R.Instances),
            ["totalCoresUsed"] = Used(R.Cores),
            ["totalRAMUsed"] = Used(R.Ram),
            ["totalServerGroupsUsed"] = Used(R.ServerGroups),
        };
        if (!version.IsAtLeast(2, 57))
        {
            json["maxPersonality"] = Limit(R.InjectedFiles);
            json["maxPersonalitySize"] = Limit(R.InjectedFileContentBytes);
        }

        if (!version.IsAtLeast(2, 39))
        {
            json["maxImageMeta"] = Limit(R.MetadataItems);
        }

        if (!version.IsAtLeast(2, 36))
        {
            json["maxSecurityGroups"] = R.LegacyNetwork[R.SecurityGroups];
            json["maxSecurityGroupRules"] = R.LegacyNetwork[R.SecurityGroupRules];
            json["maxTotalFloatingIps"] = R.LegacyNetwork[R.FloatingIps];
            json["totalSecurityGroupsUsed"] = 0;
            json["totalFloatingIpsUsed"] = 0;
        }

        return json;
    }
}

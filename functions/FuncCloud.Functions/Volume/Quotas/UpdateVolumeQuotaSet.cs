using System.Text.Json.Nodes;
using FuncCloud.Shared.OpenStack;
using FuncCloud.Shared.OpenStack.Errors;
using FuncCloud.Shared.Security.Policy;
using FuncCloud.Shared.Volume.Api;
using FuncCloud.Shared.Volume.Quotas;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Volume.Quotas;

/// <summary><c>PUT /os-quota-sets/{project_id}</c> (admin): sets limits; -1 is unlimited.</summary>
public sealed class UpdateVolumeQuotaSet(CinderHttp http, VolumeQuotaService quotas, PolicyEnforcer policy)
{
    [Function(nameof(UpdateVolumeQuotaSet))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = VolumeRoutes.Project + "/os-quota-sets/{targetProjectId}")] HttpRequest req,
        string projectId,
        string targetProjectId,
        CancellationToken cancellationToken) =>
        http.WithBodyAsync(req, projectId, async (call, body) =>
        {
            policy.Enforce(VolumePolicies.UpdateQuotas, call.Caller, VolumeCall.Target(targetProjectId));
            var set = body.RequireObject("quota_set");
            var limits = new Dictionary<string, int>();
            foreach (var (name, node) in set)
            {
                if (name is "tenant_id" or "id")
                {
                    continue;
                }

                if (!VolumeQuotaResources.All.Contains(name))
                {
                    // cinder accepts per-type keys (volumes_<type>) too; they are not enforced here.
                    if (name.Contains('_', StringComparison.Ordinal) && VolumeQuotaResources.All.Any(r => name.StartsWith(r + "_", StringComparison.Ordinal)))
                    {
                        continue;
                    }

                    throw new BadRequestException($"Bad key(s) in quota set: {name}");
                }

                limits[name] = node is JsonValue v && v.TryGetValue(out int value) && value >= -1
                    ? value
                    : throw new BadRequestException($"Invalid input received: Quota limit {node?.ToJsonString()} for {name} must be an integer of at least -1.");
            }

            await quotas.SetLimitsAsync(targetProjectId, limits, cancellationToken);
            var body2 = VolumeQuotaWire.Limits(targetProjectId, await quotas.GetLimitsAsync(targetProjectId, cancellationToken));
            ((JsonObject)body2["quota_set"]!).Remove("id");
            return CinderHttp.Json(body2);
        }, cancellationToken);
}

using System.Text.Json.Nodes;
using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.Compute.Usage;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Compute.Usage;

/// <summary>
/// <c>GET /os-simple-tenant-usage/{tenant_id}</c> (the project's readers, admins): one project's usage with its
/// servers, <c>{}</c> when nothing ran in the window (<c>openstack usage show</c>).
/// </summary>
public sealed class GetTenantUsage(NovaHttp http, ComputeApiPolicy policy, TenantUsageService usages)
{
    [Function(nameof(GetTenantUsage))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ComputeRoutes.V21 + "/" + TenantUsageWire.Collection + "/{tenantId}")] HttpRequest req,
        string tenantId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async call =>
        {
            policy.Enforce(UsagePolicies.Show, call.Caller, tenantId);
            var now = usages.Now();
            var query = TenantUsageQuery.Parse(call, now, list: false);
            var (tenants, page, _) = await usages.ComputeAsync(tenantId, query, now, cancellationToken);
            var body = new JsonObject { ["tenant_usage"] = tenants.Count > 0 ? TenantUsageWire.Usage(tenants[0], detailed: true) : new JsonObject() };
            if (query.Paged && TenantUsageWire.Links(req, page, query.Limit, $"{TenantUsageWire.Collection}/{tenantId}") is { } links)
            {
                body["tenant_usage_links"] = links;
            }

            return NovaHttp.Json(body);
        }, cancellationToken);
}

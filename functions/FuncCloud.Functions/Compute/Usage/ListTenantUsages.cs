using System.Text.Json.Nodes;
using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.Compute.Usage;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Compute.Usage;

/// <summary><c>GET /os-simple-tenant-usage</c> (admin): every project's usage over the window (<c>openstack usage list</c>).</summary>
public sealed class ListTenantUsages(NovaHttp http, ComputeApiPolicy policy, TenantUsageService usages)
{
    [Function(nameof(ListTenantUsages))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ComputeRoutes.V21 + "/" + TenantUsageWire.Collection)] HttpRequest req,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async call =>
        {
            policy.Enforce(UsagePolicies.List, call.Caller);
            var now = usages.Now();
            var query = TenantUsageQuery.Parse(call, now, list: true);
            var (tenants, page, _) = await usages.ComputeAsync(null, query, now, cancellationToken);
            var body = new JsonObject { ["tenant_usages"] = new JsonArray([.. tenants.Select(t => TenantUsageWire.Usage(t, query.Detailed))]) };
            if (query.Paged && TenantUsageWire.Links(req, page, query.Limit, TenantUsageWire.Collection) is { } links)
            {
                body["tenant_usages_links"] = links;
            }

            return NovaHttp.Json(body);
        }, cancellationToken);
}

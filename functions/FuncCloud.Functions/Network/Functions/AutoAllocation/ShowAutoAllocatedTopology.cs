using FuncCloud.Functions.Network.Api;
using FuncCloud.Functions.Network.Compute;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Network.Functions.AutoAllocation;

/// <summary><c>GET /v2.0/auto-allocated-topology/{project_id}</c>: the project's topology, made on first use (<c>?fields=dry-run</c> only checks).</summary>
public sealed class ShowAutoAllocatedTopology(NeutronHttp http, AutoAllocatedTopology topology)
{
    [Function(nameof(ShowAutoAllocatedTopology))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = NeutronRoutes.AutoAllocatedTopology)] HttpRequest req,
        string projectId, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller =>
        {
            var dryRun = req.Query["fields"].Any(f => f == "dry-run");
            return NeutronHttp.Json(await topology.GetAsync(caller, projectId, dryRun, cancellationToken));
        }, cancellationToken);
}

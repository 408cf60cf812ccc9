using FuncCloud.Functions.Network.Api;
using FuncCloud.Functions.Network.Compute;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Network.Functions.AutoAllocation;

/// <summary><c>DELETE /v2.0/auto-allocated-topology/{project_id}</c>: 204, the network, subnet and router gone.</summary>
public sealed class DeleteAutoAllocatedTopology(NeutronHttp http, AutoAllocatedTopology topology)
{
    [Function(nameof(DeleteAutoAllocatedTopology))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = NeutronRoutes.AutoAllocatedTopology)] HttpRequest req,
        string projectId, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller =>
        {
            await topology.DeleteAsync(caller, projectId, cancellationToken);
            return NeutronHttp.NoContent();
        }, cancellationToken);
}

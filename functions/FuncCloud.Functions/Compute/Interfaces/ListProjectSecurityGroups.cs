using FuncCloud.Functions.Network.Compute;
using FuncCloud.Shared.Compute.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Compute.Interfaces;

/// <summary>
/// nova's network proxy <c>GET /os-security-groups</c> (404 from 2.36, as nova): the project's groups, what
/// <c>openstack server add/remove security group</c> resolves the group with.
/// </summary>
public sealed class ListProjectSecurityGroups(NovaHttp http, ServerSecurityGroups groups)
{
    [Function(nameof(ListProjectSecurityGroups))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ComputeRoutes.V21 + "/os-security-groups")] HttpRequest req,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async call =>
        {
            ProxyRules.RequireBefore236(call);
            return NovaHttp.Json(await groups.ListProjectAsync(call.ProjectId, cancellationToken));
        }, cancellationToken);
}

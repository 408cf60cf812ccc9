using FuncCloud.Functions.Network.Compute;
using FuncCloud.Shared.Compute.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Compute.Interfaces;

/// <summary>nova's network proxy <c>GET /os-security-groups/{id}</c> (404 from 2.36).</summary>
public sealed class ShowProjectSecurityGroup(NovaHttp http, ServerSecurityGroups groups)
{
    [Function(nameof(ShowProjectSecurityGroup))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ComputeRoutes.V21 + "/os-security-groups/{groupId}")] HttpRequest req,
        string groupId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async call =>
        {
            ProxyRules.RequireBefore236(call);
            return NovaHttp.Json(await groups.ShowProjectAsync(call.ProjectId, groupId, cancellationToken));
        }, cancellationToken);
}

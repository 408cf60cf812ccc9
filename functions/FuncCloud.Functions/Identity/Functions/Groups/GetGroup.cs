using FuncCloud.Functions.Identity.Api;
using FuncCloud.Functions.Identity.Model;
using FuncCloud.Functions.Identity.Services;
using FuncCloud.Functions.Identity.Storage;
using Microsoft.AspNetCore.Http;
using Endpoint = FuncCloud.Functions.Identity.Model.Endpoint;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Identity.Functions.Groups;

/// <summary><c>GET /v3/groups/{groupId}</c>.</summary>
public sealed class GetGroup(IdentityHttp http, GroupService groups)
{
    [Function(nameof(GetGroup))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = IdentityRoutes.V3 + "/groups/{groupId}")] HttpRequest req,
        string groupId, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller =>
            {
                var x = await groups.GetAsync(caller, groupId, cancellationToken);
                return IdentityWire.Entity(req, "group", "groups", x.Id, x);
            }, cancellationToken);
}

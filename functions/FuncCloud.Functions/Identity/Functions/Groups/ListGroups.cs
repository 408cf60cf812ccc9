using FuncCloud.Functions.Identity.Api;
using FuncCloud.Functions.Identity.Model;
using FuncCloud.Functions.Identity.Services;
using FuncCloud.Functions.Identity.Storage;
using Microsoft.AspNetCore.Http;
using Endpoint = FuncCloud.Functions.Identity.Model.Endpoint;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Identity.Functions.Groups;

/// <summary><c>GET /v3/groups</c> with filters.</summary>
public sealed class ListGroups(IdentityHttp http, GroupService groups)
{
    [Function(nameof(ListGroups))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = IdentityRoutes.V3 + "/groups")] HttpRequest req,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller =>
                IdentityWire.Collection(req, "groups", (await groups.ListAsync(caller, IdentityWire.Query(req, "name"), IdentityWire.Query(req, "domain_id"), cancellationToken)).Select(x => (x.Id, x))), cancellationToken);
}

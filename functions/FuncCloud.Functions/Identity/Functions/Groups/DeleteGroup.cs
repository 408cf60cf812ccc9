using FuncCloud.Functions.Identity.Api;
using FuncCloud.Functions.Identity.Model;
using FuncCloud.Functions.Identity.Services;
using FuncCloud.Functions.Identity.Storage;
using Microsoft.AspNetCore.Http;
using Endpoint = FuncCloud.Functions.Identity.Model.Endpoint;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Identity.Functions.Groups;

/// <summary><c>DELETE /v3/groups/{groupId}</c>.</summary>
public sealed class DeleteGroup(IdentityHttp http, GroupService groups)
{
    [Function(nameof(DeleteGroup))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = IdentityRoutes.V3 + "/groups/{groupId}")] HttpRequest req,
        string groupId, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller =>
            {
                await groups.DeleteAsync(caller, groupId, cancellationToken);
                return IdentityHttp.NoContent();
            }, cancellationToken);
}

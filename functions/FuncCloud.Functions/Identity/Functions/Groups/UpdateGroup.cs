using FuncCloud.Functions.Identity.Api;
using FuncCloud.Functions.Identity.Model;
using FuncCloud.Functions.Identity.Services;
using FuncCloud.Functions.Identity.Storage;
using Microsoft.AspNetCore.Http;
using Endpoint = FuncCloud.Functions.Identity.Model.Endpoint;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Identity.Functions.Groups;

/// <summary><c>PATCH /v3/groups/{groupId}</c>.</summary>
public sealed class UpdateGroup(IdentityHttp http, GroupService groups)
{
    [Function(nameof(UpdateGroup))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = IdentityRoutes.V3 + "/groups/{groupId}")] HttpRequest req,
        string groupId, CancellationToken cancellationToken) =>
        http.WithBodyAsync(req, "group", async (caller, body) =>
            {
                var x = await groups.UpdateAsync(caller, groupId, body, cancellationToken);
                return IdentityWire.Entity(req, "group", "groups", x.Id, x);
            }, cancellationToken);
}

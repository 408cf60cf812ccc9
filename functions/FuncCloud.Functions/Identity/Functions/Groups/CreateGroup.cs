using FuncCloud.Functions.Identity.Api;
using FuncCloud.Functions.Identity.Model;
using FuncCloud.Functions.Identity.Services;
using FuncCloud.Functions.Identity.Storage;
using Microsoft.AspNetCore.Http;
using Endpoint = FuncCloud.Functions.Identity.Model.Endpoint;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Identity.Functions.Groups;

/// <summary><c>POST /v3/groups</c>.</summary>
public sealed class CreateGroup(IdentityHttp http, GroupService groups)
{
    [Function(nameof(CreateGroup))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = IdentityRoutes.V3 + "/groups")] HttpRequest req,
        CancellationToken cancellationToken) =>
        http.WithBodyAsync(req, "group", async (caller, body) =>
            {
                var x = await groups.CreateAsync(caller, body, cancellationToken);
                return IdentityWire.Entity(req, "group", "groups", x.Id, x, StatusCodes.Status201Created);
            }, cancellationToken);
}

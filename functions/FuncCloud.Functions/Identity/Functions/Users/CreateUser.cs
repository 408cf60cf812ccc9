using FuncCloud.Functions.Identity.Api;
using FuncCloud.Functions.Identity.Model;
using FuncCloud.Functions.Identity.Services;
using FuncCloud.Functions.Identity.Storage;
using Microsoft.AspNetCore.Http;
using Endpoint = FuncCloud.Functions.Identity.Model.Endpoint;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Identity.Functions.Users;

/// <summary><c>POST /v3/users</c>.</summary>
public sealed class CreateUser(IdentityHttp http, UserService users)
{
    [Function(nameof(CreateUser))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = IdentityRoutes.V3 + "/users")] HttpRequest req,
        CancellationToken cancellationToken) =>
        http.WithBodyAsync(req, "user", async (caller, body) =>
            {
                var x = await users.CreateAsync(caller, body, cancellationToken);
                return IdentityWire.Entity(req, "user", "users", x.Id, UserView.From(x), StatusCodes.Status201Created);
            }, cancellationToken);
}

using FuncCloud.Functions.Identity.Api;
using FuncCloud.Functions.Identity.Model;
using FuncCloud.Functions.Identity.Services;
using FuncCloud.Functions.Identity.Storage;
using Microsoft.AspNetCore.Http;
using Endpoint = FuncCloud.Functions.Identity.Model.Endpoint;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Identity.Functions.Users;

/// <summary><c>PATCH /v3/users/{userId}</c>.</summary>
public sealed class UpdateUser(IdentityHttp http, UserService users)
{
    [Function(nameof(UpdateUser))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = IdentityRoutes.V3 + "/users/{userId}")] HttpRequest req,
        string userId, CancellationToken cancellationToken) =>
        http.WithBodyAsync(req, "user", async (caller, body) =>
            {
                var x = await users.UpdateAsync(caller, userId, body, cancellationToken);
                return IdentityWire.Entity(req, "user", "users", x.Id, UserView.From(x));
            }, cancellationToken);
}

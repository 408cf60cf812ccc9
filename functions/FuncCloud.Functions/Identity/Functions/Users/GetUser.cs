using FuncCloud.Functions.Identity.Api;
using FuncCloud.Functions.Identity.Model;
using FuncCloud.Functions.Identity.Services;
using FuncCloud.Functions.Identity.Storage;
using Microsoft.AspNetCore.Http;
using Endpoint = FuncCloud.Functions.Identity.Model.Endpoint;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Identity.Functions.Users;

/// <summary><c>GET /v3/users/{userId}</c>.</summary>
public sealed class GetUser(IdentityHttp http, UserService users)
{
    [Function(nameof(GetUser))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = IdentityRoutes.V3 + "/users/{userId}")] HttpRequest req,
        string userId, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller =>
            {
                var x = await users.GetAsync(caller, userId, cancellationToken);
                return IdentityWire.Entity(req, "user", "users", x.Id, UserView.From(x));
            }, cancellationToken);
}

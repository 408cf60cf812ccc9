using FuncCloud.Functions.Identity.Api;
using FuncCloud.Functions.Identity.Model;
using FuncCloud.Functions.Identity.Services;
using FuncCloud.Functions.Identity.Storage;
using Microsoft.AspNetCore.Http;
using Endpoint = FuncCloud.Functions.Identity.Model.Endpoint;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Identity.Functions.Users;

/// <summary><c>DELETE /v3/users/{userId}</c>.</summary>
public sealed class DeleteUser(IdentityHttp http, UserService users)
{
    [Function(nameof(DeleteUser))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = IdentityRoutes.V3 + "/users/{userId}")] HttpRequest req,
        string userId, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller =>
            {
                await users.DeleteAsync(caller, userId, cancellationToken);
                return IdentityHttp.NoContent();
            }, cancellationToken);
}

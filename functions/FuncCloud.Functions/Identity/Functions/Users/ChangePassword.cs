using FuncCloud.Functions.Identity.Api;
using FuncCloud.Functions.Identity.Model;
using FuncCloud.Functions.Identity.Services;
using FuncCloud.Functions.Identity.Storage;
using Microsoft.AspNetCore.Http;
using Endpoint = FuncCloud.Functions.Identity.Model.Endpoint;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Identity.Functions.Users;

/// <summary><c>POST /v3/users/{userId}/password</c>: the user changes their own password.</summary>
public sealed class ChangePassword(IdentityHttp http, UserService users)
{
    [Function(nameof(ChangePassword))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = IdentityRoutes.V3 + "/users/{userId}/password")] HttpRequest req,
        string userId, CancellationToken cancellationToken) =>
        http.WithBodyAsync(req, "user", async (caller, body) =>
            {
                await users.ChangePasswordAsync(caller, userId, body, cancellationToken);
                return IdentityHttp.NoContent();
            }, cancellationToken);
}

using FuncCloud.Functions.Identity.Api;
using FuncCloud.Functions.Identity.Model;
using FuncCloud.Functions.Identity.Services;
using FuncCloud.Functions.Identity.Storage;
using Microsoft.AspNetCore.Http;
using Endpoint = FuncCloud.Functions.Identity.Model.Endpoint;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Identity.Functions.ApplicationCredentials;

/// <summary><c>DELETE /v3/users/{userId}/application_credentials/{credentialId}</c>.</summary>
public sealed class DeleteApplicationCredential(IdentityHttp http, ApplicationCredentialService credentials)
{
    [Function(nameof(DeleteApplicationCredential))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = IdentityRoutes.V3 + "/users/{userId}/application_credentials/{credentialId}")] HttpRequest req,
        string userId, string credentialId, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller =>
            {
                await credentials.DeleteAsync(caller, userId, credentialId, cancellationToken);
                return IdentityHttp.NoContent();
            }, cancellationToken);
}

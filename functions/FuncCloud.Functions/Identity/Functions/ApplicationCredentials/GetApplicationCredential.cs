using FuncCloud.Functions.Identity.Api;
using FuncCloud.Functions.Identity.Model;
using FuncCloud.Functions.Identity.Services;
using FuncCloud.Functions.Identity.Storage;
using Microsoft.AspNetCore.Http;
using Endpoint = FuncCloud.Functions.Identity.Model.Endpoint;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Identity.Functions.ApplicationCredentials;

/// <summary><c>GET /v3/users/{userId}/application_credentials/{credentialId}</c>.</summary>
public sealed class GetApplicationCredential(IdentityHttp http, ApplicationCredentialService credentials, IdentitySnapshotCache snapshots)
{
    [Function(nameof(GetApplicationCredential))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = IdentityRoutes.V3 + "/users/{userId}/application_credentials/{credentialId}")] HttpRequest req,
        string userId, string credentialId, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller =>
            {
                var view = ApplicationCredentialView.From(await credentials.GetAsync(caller, userId, credentialId, cancellationToken), await snapshots.GetAsync(cancellationToken));
                return IdentityWire.Entity(req, "application_credential", $"users/{userId}/application_credentials", view.Id, view);
            }, cancellationToken);
}

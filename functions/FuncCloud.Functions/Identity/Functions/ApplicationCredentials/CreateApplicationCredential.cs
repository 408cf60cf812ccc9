using FuncCloud.Functions.Identity.Api;
using FuncCloud.Functions.Identity.Model;
using FuncCloud.Functions.Identity.Services;
using FuncCloud.Functions.Identity.Storage;
using Microsoft.AspNetCore.Http;
using Endpoint = FuncCloud.Functions.Identity.Model.Endpoint;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Identity.Functions.ApplicationCredentials;

/// <summary><c>POST /v3/users/{userId}/application_credentials</c>: the secret is in this response only.</summary>
public sealed class CreateApplicationCredential(IdentityHttp http, ApplicationCredentialService credentials, IdentitySnapshotCache snapshots)
{
    [Function(nameof(CreateApplicationCredential))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = IdentityRoutes.V3 + "/users/{userId}/application_credentials")] HttpRequest req,
        string userId, CancellationToken cancellationToken) =>
        http.WithBodyAsync(req, "application_credential", async (caller, body) =>
            {
                var created = await credentials.CreateAsync(caller, userId, body, cancellationToken);
                var view = ApplicationCredentialView.From(created.Credential, await snapshots.GetAsync(cancellationToken), created.Secret);
                return IdentityWire.Entity(req, "application_credential", $"users/{userId}/application_credentials", view.Id, view, StatusCodes.Status201Created);
            }, cancellationToken);
}

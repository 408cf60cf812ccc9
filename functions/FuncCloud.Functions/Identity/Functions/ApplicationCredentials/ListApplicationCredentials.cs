using FuncCloud.Functions.Identity.Api;
using FuncCloud.Functions.Identity.Model;
using FuncCloud.Functions.Identity.Services;
using FuncCloud.Functions.Identity.Storage;
using Microsoft.AspNetCore.Http;
using Endpoint = FuncCloud.Functions.Identity.Model.Endpoint;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Identity.Functions.ApplicationCredentials;

/// <summary><c>GET /v3/users/{userId}/application_credentials</c>.</summary>
public sealed class ListApplicationCredentials(IdentityHttp http, ApplicationCredentialService credentials, IdentitySnapshotCache snapshots)
{
    [Function(nameof(ListApplicationCredentials))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = IdentityRoutes.V3 + "/users/{userId}/application_credentials")] HttpRequest req,
        string userId, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller =>
            {
                var snapshot = await snapshots.GetAsync(cancellationToken);
                var list = await credentials.ListAsync(caller, userId, IdentityWire.Query(req, "name"), cancellationToken);
                return IdentityWire.Collection(req, $"users/{userId}/application_credentials", list.Select(c => (c.Id, ApplicationCredentialView.From(c, snapshot))));
            }, cancellationToken);
}

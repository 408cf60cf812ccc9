using FuncCloud.Functions.Identity.Api;
using FuncCloud.Functions.Identity.Model;
using FuncCloud.Functions.Identity.Services;
using FuncCloud.Functions.Identity.Storage;
using Microsoft.AspNetCore.Http;
using Endpoint = FuncCloud.Functions.Identity.Model.Endpoint;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Identity.Functions.Domains;

/// <summary><c>DELETE /v3/domains/{domainId}</c>.</summary>
public sealed class DeleteDomain(IdentityHttp http, DomainService domains)
{
    [Function(nameof(DeleteDomain))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = IdentityRoutes.V3 + "/domains/{domainId}")] HttpRequest req,
        string domainId, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller =>
            {
                await domains.DeleteAsync(caller, domainId, cancellationToken);
                return IdentityHttp.NoContent();
            }, cancellationToken);
}

using FuncCloud.Functions.Identity.Api;
using FuncCloud.Functions.Identity.Model;
using FuncCloud.Functions.Identity.Services;
using FuncCloud.Functions.Identity.Storage;
using Microsoft.AspNetCore.Http;
using Endpoint = FuncCloud.Functions.Identity.Model.Endpoint;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Identity.Functions.Domains;

/// <summary><c>GET /v3/domains/{domainId}</c>.</summary>
public sealed class GetDomain(IdentityHttp http, DomainService domains)
{
    [Function(nameof(GetDomain))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = IdentityRoutes.V3 + "/domains/{domainId}")] HttpRequest req,
        string domainId, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller =>
            {
                var x = await domains.GetAsync(caller, domainId, cancellationToken);
                return IdentityWire.Entity(req, "domain", "domains", x.Id, x);
            }, cancellationToken);
}

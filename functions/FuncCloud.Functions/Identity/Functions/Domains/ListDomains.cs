using FuncCloud.Functions.Identity.Api;
using FuncCloud.Functions.Identity.Model;
using FuncCloud.Functions.Identity.Services;
using FuncCloud.Functions.Identity.Storage;
using Microsoft.AspNetCore.Http;
using Endpoint = FuncCloud.Functions.Identity.Model.Endpoint;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Identity.Functions.Domains;

/// <summary><c>GET /v3/domains</c> with filters.</summary>
public sealed class ListDomains(IdentityHttp http, DomainService domains)
{
    [Function(nameof(ListDomains))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = IdentityRoutes.V3 + "/domains")] HttpRequest req,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller =>
                IdentityWire.Collection(req, "domains", (await domains.ListAsync(caller, IdentityWire.Query(req, "name"), IdentityWire.QueryBool(req, "enabled"), cancellationToken)).Select(x => (x.Id, x))), cancellationToken);
}

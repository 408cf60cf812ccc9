using FuncCloud.Functions.Identity.Api;
using FuncCloud.Functions.Identity.Model;
using FuncCloud.Functions.Identity.Services;
using FuncCloud.Functions.Identity.Storage;
using Microsoft.AspNetCore.Http;
using Endpoint = FuncCloud.Functions.Identity.Model.Endpoint;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Identity.Functions.Domains;

/// <summary><c>PATCH /v3/domains/{domainId}</c>.</summary>
public sealed class UpdateDomain(IdentityHttp http, DomainService domains)
{
    [Function(nameof(UpdateDomain))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = IdentityRoutes.V3 + "/domains/{domainId}")] HttpRequest req,
        string domainId, CancellationToken cancellationToken) =>
        http.WithBodyAsync(req, "domain", async (caller, body) =>
            {
                var x = await domains.UpdateAsync(caller, domainId, body, cancellationToken);
                return IdentityWire.Entity(req, "domain", "domains", x.Id, x);
            }, cancellationToken);
}

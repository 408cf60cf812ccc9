using FuncCloud.Functions.Identity.Api;
using FuncCloud.Functions.Identity.Model;
using FuncCloud.Functions.Identity.Services;
using FuncCloud.Functions.Identity.Storage;
using Microsoft.AspNetCore.Http;
using Endpoint = FuncCloud.Functions.Identity.Model.Endpoint;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Identity.Functions.Domains;

/// <summary><c>POST /v3/domains</c>.</summary>
public sealed class CreateDomain(IdentityHttp http, DomainService domains)
{
    [Function(nameof(CreateDomain))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = IdentityRoutes.V3 + "/domains")] HttpRequest req,
        CancellationToken cancellationToken) =>
        http.WithBodyAsync(req, "domain", async (caller, body) =>
            {
                var x = await domains.CreateAsync(caller, body, null, cancellationToken);
                return IdentityWire.Entity(req, "domain", "domains", x.Id, x, StatusCodes.Status201Created);
            }, cancellationToken);
}

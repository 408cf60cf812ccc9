using FuncCloud.Functions.Identity.Api;
using FuncCloud.Functions.Identity.Model;
using FuncCloud.Functions.Identity.Services;
using FuncCloud.Functions.Identity.Storage;
using Microsoft.AspNetCore.Http;
using Endpoint = FuncCloud.Functions.Identity.Model.Endpoint;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Identity.Functions.Projects;

/// <summary><c>GET /v3/projects</c> with filters.</summary>
public sealed class ListProjects(IdentityHttp http, ProjectService projects)
{
    [Function(nameof(ListProjects))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = IdentityRoutes.V3 + "/projects")] HttpRequest req,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller =>
                IdentityWire.Collection(req, "projects", (await projects.ListAsync(caller, IdentityWire.Query(req, "name"), IdentityWire.Query(req, "domain_id"), IdentityWire.QueryBool(req, "enabled"), IdentityWire.Query(req, "parent_id"), cancellationToken)).Select(x => (x.Id, x))), cancellationToken);
}

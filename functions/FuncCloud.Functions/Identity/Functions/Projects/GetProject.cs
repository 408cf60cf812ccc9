using FuncCloud.Functions.Identity.Api;
using FuncCloud.Functions.Identity.Model;
using FuncCloud.Functions.Identity.Services;
using FuncCloud.Functions.Identity.Storage;
using Microsoft.AspNetCore.Http;
using Endpoint = FuncCloud.Functions.Identity.Model.Endpoint;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Identity.Functions.Projects;

/// <summary><c>GET /v3/projects/{projectId}</c>.</summary>
public sealed class GetProject(IdentityHttp http, ProjectService projects)
{
    [Function(nameof(GetProject))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = IdentityRoutes.V3 + "/projects/{projectId}")] HttpRequest req,
        string projectId, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller =>
            {
                var x = await projects.GetAsync(caller, projectId, cancellationToken);
                return IdentityWire.Entity(req, "project", "projects", x.Id, x);
            }, cancellationToken);
}

using FuncCloud.Functions.Identity.Api;
using FuncCloud.Functions.Identity.Model;
using FuncCloud.Functions.Identity.Services;
using FuncCloud.Functions.Identity.Storage;
using Microsoft.AspNetCore.Http;
using Endpoint = FuncCloud.Functions.Identity.Model.Endpoint;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Identity.Functions.Projects;

/// <summary><c>PATCH /v3/projects/{projectId}</c>.</summary>
public sealed class UpdateProject(IdentityHttp http, ProjectService projects)
{
    [Function(nameof(UpdateProject))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = IdentityRoutes.V3 + "/projects/{projectId}")] HttpRequest req,
        string projectId, CancellationToken cancellationToken) =>
        http.WithBodyAsync(req, "project", async (caller, body) =>
            {
                var x = await projects.UpdateAsync(caller, projectId, body, cancellationToken);
                return IdentityWire.Entity(req, "project", "projects", x.Id, x);
            }, cancellationToken);
}

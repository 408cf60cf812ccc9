using FuncCloud.Functions.Identity.Api;
using FuncCloud.Functions.Identity.Model;
using FuncCloud.Functions.Identity.Services;
using FuncCloud.Functions.Identity.Storage;
using Microsoft.AspNetCore.Http;
using Endpoint = FuncCloud.Functions.Identity.Model.Endpoint;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Identity.Functions.Projects;

/// <summary><c>DELETE /v3/projects/{projectId}</c>.</summary>
public sealed class DeleteProject(IdentityHttp http, ProjectService projects)
{
    [Function(nameof(DeleteProject))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = IdentityRoutes.V3 + "/projects/{projectId}")] HttpRequest req,
        string projectId, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller =>
            {
                await projects.DeleteAsync(caller, projectId, cancellationToken);
                return IdentityHttp.NoContent();
            }, cancellationToken);
}

using FuncCloud.Functions.Identity.Api;
using FuncCloud.Functions.Identity.Model;
using FuncCloud.Functions.Identity.Services;
using FuncCloud.Functions.Identity.Storage;
using Microsoft.AspNetCore.Http;
using Endpoint = FuncCloud.Functions.Identity.Model.Endpoint;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Identity.Functions.Projects;

/// <summary><c>POST /v3/projects</c>.</summary>
public sealed class CreateProject(IdentityHttp http, ProjectService projects)
{
    [Function(nameof(CreateProject))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = IdentityRoutes.V3 + "/projects")] HttpRequest req,
        CancellationToken cancellationToken) =>
        http.WithBodyAsync(req, "project", async (caller, body) =>
            {
                var x = await projects.CreateAsync(caller, body, cancellationToken);
                return IdentityWire.Entity(req, "project", "projects", x.Id, x, StatusCodes.Status201Created);
            }, cancellationToken);
}

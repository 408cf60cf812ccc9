using FuncCloud.Functions.Identity.Api;
using FuncCloud.Functions.Identity.Model;
using FuncCloud.Functions.Identity.Services;
using FuncCloud.Functions.Identity.Storage;
using Microsoft.AspNetCore.Http;
using Endpoint = FuncCloud.Functions.Identity.Model.Endpoint;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Identity.Functions.Assignments;

/// <summary><c>GET /v3/role_assignments</c> (user.id, group.id, role.id, scope.project.id, scope.domain.id, scope.system, effective, include_names).</summary>
public sealed class ListRoleAssignments(IdentityHttp http, RoleAssignmentQuery query)
{
    [Function(nameof(ListRoleAssignments))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = IdentityRoutes.V3 + "/role_assignments")] HttpRequest req,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller =>
            {
                var filter = new RoleAssignmentFilter(
                    IdentityWire.Query(req, "user.id"),
                    IdentityWire.Query(req, "group.id"),
                    IdentityWire.Query(req, "role.id"),
                    IdentityWire.Query(req, "scope.project.id"),
                    IdentityWire.Query(req, "scope.domain.id"),
                    IdentityWire.Query(req, "scope.system") is not null,
                    IdentityWire.QueryBool(req, "effective") ?? false,
                    IdentityWire.QueryBool(req, "include_names") ?? false);
                var views = await query.ListAsync(caller, filter, IdentityRoutes.V3Url(req), cancellationToken);
                return IdentityWire.AssignmentCollection(req, views);
            }, cancellationToken);
}

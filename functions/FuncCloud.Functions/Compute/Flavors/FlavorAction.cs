using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.Compute.Flavors;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Compute.Flavors;

/// <summary><c>POST /flavors/{flavor_id}/action</c>: <c>addTenantAccess</c> / <c>removeTenantAccess</c> (admin).</summary>
public sealed class FlavorAction(NovaHttp http, FlavorService flavors)
{
    [Function(nameof(FlavorAction))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = FlavorWire.Collection + "/{flavorId}/action")] HttpRequest req,
        string flavorId,
        CancellationToken cancellationToken) =>
        http.WithBodyAsync(req, async (call, body) =>
        {
            IReadOnlyList<string> projects = body switch
            {
                _ when body["addTenantAccess"] is System.Text.Json.Nodes.JsonObject add => await flavors.AddAccessAsync(call, flavorId, add, cancellationToken),
                _ when body["removeTenantAccess"] is System.Text.Json.Nodes.JsonObject remove => await flavors.RemoveAccessAsync(call, flavorId, remove, cancellationToken),
                _ => throw new FuncCloud.Shared.OpenStack.Errors.BadRequestException("There is no such action: " + string.Join(", ", body.Select(p => p.Key))),
            };
            return NovaHttp.Json(FlavorWire.Access(flavorId, projects));
        }, cancellationToken);
}

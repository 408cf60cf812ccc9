using FuncCloud.Functions.Volume.Api;
using FuncCloud.Functions.Volume.Services;
using FuncCloud.Shared.Volume.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace FuncCloud.Functions.Volume.Types;

/// <summary><c>GET /types/{volume_type_id}/os-volume-type-access</c> (admin).</summary>
public sealed class ListVolumeTypeAccess(CinderHttp http, VolumeTypeService types, Shared.Security.Policy.PolicyEnforcer policy)
{
    [Function(nameof(ListVolumeTypeAccess))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = VolumeRoutes.Project + "/types/{typeId}/os-volume-type-access")] HttpRequest req,
        string projectId,
        string typeId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, projectId, async call =>
        {
            policy.Enforce(VolumePolicies.ManageTypes, call.Caller);
            var type = await types.GetAsync(call, typeId, cancellationToken);
            if (type.IsPublic)
            {
                throw new Shared.OpenStack.Errors.ResourceNotFoundException("volume type access", typeId);
            }

            return CinderHttp.Member("volume_type_access", new System.Text.Json.Nodes.JsonArray([.. type.Projects.Select(p => (System.Text.Json.Nodes.JsonNode)new System.Text.Json.Nodes.JsonObject { ["volume_type_id"] = type.Id, ["project_id"] = p })]));
        }, cancellationToken);
}

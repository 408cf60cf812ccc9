using FuncCloud.Functions.Volume.Api;
using FuncCloud.Functions.Volume.Services;
using FuncCloud.Shared.Volume.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace FuncCloud.Functions.Volume.Types;

/// <summary><c>GET /types/{volume_type_id}/extra_specs</c> (admin).</summary>
public sealed class ListVolumeTypeExtraSpecs(CinderHttp http, VolumeTypeService types, Shared.Security.Policy.PolicyEnforcer policy)
{
    [Function(nameof(ListVolumeTypeExtraSpecs))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = VolumeRoutes.Project + "/types/{typeId}/extra_specs")] HttpRequest req,
        string projectId,
        string typeId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, projectId, async call =>
        {
            policy.Enforce(VolumePolicies.TypeExtraSpecs, call.Caller);
            return CinderHttp.Member("extra_specs", VolumeWire.Map((await types.GetAsync(call, typeId, cancellationToken)).ExtraSpecs));
        }, cancellationToken);
}

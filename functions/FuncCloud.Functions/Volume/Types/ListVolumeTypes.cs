using FuncCloud.Functions.Volume.Api;
using FuncCloud.Functions.Volume.Services;
using FuncCloud.Shared.Volume.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace FuncCloud.Functions.Volume.Types;

/// <summary><c>GET /types</c>: the types visible to the caller.</summary>
public sealed class ListVolumeTypes(CinderHttp http, VolumeTypeService types)
{
    [Function(nameof(ListVolumeTypes))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = VolumeRoutes.Project + "/types")] HttpRequest req,
        string projectId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, projectId, async call =>
        {
            var show = types.ShowsExtraSpecs(call);
            return CinderHttp.Member("volume_types", new System.Text.Json.Nodes.JsonArray([.. (await types.ListAsync(call, cancellationToken)).Select(t => (System.Text.Json.Nodes.JsonNode)VolumeWire.Type(t, show, types.ShowsQosSpecs(call)))]));
        }, cancellationToken);
}

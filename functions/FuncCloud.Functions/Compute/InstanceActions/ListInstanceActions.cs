using System.Text.Json.Nodes;
using FuncCloud.Shared.Compute.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Compute.InstanceActions;

/// <summary><c>GET /servers/{server_id}/os-instance-actions</c> (<c>openstack server event list</c>).</summary>
public sealed class ListInstanceActions(NovaHttp http, InstanceActionWire actions)
{
    [Function(nameof(ListInstanceActions))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = InstanceActionWire.Collection)] HttpRequest req, string serverId, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async call =>
        {
            var list = await actions.ListAsync(call, serverId, cancellationToken);
            return NovaHttp.Member("instanceActions", new JsonArray([.. list.Select(a => (JsonNode)InstanceActionWire.Action(call, a))]));
        }, cancellationToken);
}

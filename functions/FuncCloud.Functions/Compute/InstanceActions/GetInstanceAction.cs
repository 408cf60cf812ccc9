using FuncCloud.Shared.Compute.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Compute.InstanceActions;

/// <summary><c>GET /servers/{server_id}/os-instance-actions/{request_id}</c> (<c>openstack server event show</c>): the action and its steps.</summary>
public sealed class GetInstanceAction(NovaHttp http, InstanceActionWire actions)
{
    [Function(nameof(GetInstanceAction))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = InstanceActionWire.Collection + "/{requestId}")] HttpRequest req,
        string serverId, string requestId, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async call =>
        {
            var action = await actions.GetAsync(call, serverId, requestId, cancellationToken);
            return NovaHttp.Member("instanceAction", InstanceActionWire.WithEvents(call, action, action.ProjectId, actions.CanSeeEventDetails(call)));
        }, cancellationToken);
}

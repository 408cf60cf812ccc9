using FuncCloud.Functions.Compute.Servers.Api;
using FuncCloud.Functions.Compute.Servers.Services;
using FuncCloud.Functions.Network.Compute;
using FuncCloud.Shared.Compute.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace FuncCloud.Functions.Compute.Servers.Functions;

/// <summary><c>GET /servers/{server_id}</c>.</summary>
public sealed class GetServer(NovaHttp http, ServerQueries queries, ServerAddresses addresses, ServerSecurityGroupNames groups)
{
    [Function(nameof(GetServer))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ServerWire.Collection + "/{serverId}")] HttpRequest req,
        string serverId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async call =>
        {
            var server = await queries.GetAsync(call, serverId, cancellationToken);
            var addressesOf = await addresses.ForAsync([server.Id], cancellationToken);
            var groupsOf = await groups.ForAsync([server.Id], cancellationToken);
            return NovaHttp.Member("server", ServerSecurityGroupView.Add(ServerWire.Detail(req, call.Version, server, call.Caller.IsAdmin, addressesOf(server.Id)), groupsOf(server.Id)));
        }, cancellationToken);
}

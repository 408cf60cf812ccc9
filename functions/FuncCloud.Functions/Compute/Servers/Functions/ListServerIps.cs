using FuncCloud.Functions.Compute.Servers.Api;
using FuncCloud.Functions.Compute.Servers.Services;
using FuncCloud.Functions.Network.Compute;
using FuncCloud.Shared.Compute.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Compute.Servers.Functions;

/// <summary><c>GET /servers/{server_id}/ips</c>: the server's addresses per network, <c>version</c> and <c>addr</c> only (nova's ips view).</summary>
public sealed class ListServerIps(NovaHttp http, ServerQueries queries, ServerAddresses addresses)
{
    [Function(nameof(ListServerIps))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ServerWire.Collection + "/{serverId}/ips")] HttpRequest req,
        string serverId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async call =>
        {
            var server = await queries.GetAsync(call, serverId, ServerPolicies.IpsIndex, cancellationToken);
            var addressesOf = await addresses.ForAsync([server.Id], cancellationToken);
            return NovaHttp.Member("addresses", ServerIpsView.Basic(addressesOf(server.Id)));
        }, cancellationToken);
}

using FuncCloud.Functions.Compute.Servers.Api;
using FuncCloud.Functions.Compute.Servers.Services;
using FuncCloud.Functions.Network.Compute;
using FuncCloud.Shared.Compute.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Compute.Servers.Functions;

/// <summary><c>GET /servers/{server_id}/ips/{network_label}</c>: <c>{label: [addresses]}</c>; 404 when the server has no address there.</summary>
public sealed class GetServerIpsByNetwork(NovaHttp http, ServerQueries queries, ServerAddresses addresses)
{
    [Function(nameof(GetServerIpsByNetwork))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ServerWire.Collection + "/{serverId}/ips/{networkLabel}")] HttpRequest req,
        string serverId,
        string networkLabel,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async call =>
        {
            var server = await queries.GetAsync(call, serverId, ServerPolicies.IpsShow, cancellationToken);
            var addressesOf = await addresses.ForAsync([server.Id], cancellationToken);
            var basic = ServerIpsView.Basic(addressesOf(server.Id));
            return basic[networkLabel] is { } list
                ? NovaHttp.Member(networkLabel, list.DeepClone())
                : throw new ServerNetworkLabelNotFoundException();
        }, cancellationToken);
}

using FuncCloud.Functions.Compute.Servers.Api;
using FuncCloud.Functions.Compute.Servers.Services;
using FuncCloud.Functions.Network.Compute;
using FuncCloud.Shared.Compute.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace FuncCloud.Functions.Compute.Servers.Functions;

/// <summary><c>GET /servers/detail</c>: the full view of the visible servers, filtered, sorted and paged.</summary>
public sealed class ListServersDetail(NovaHttp http, ServerQueries queries, ServerAddresses addresses, ServerSecurityGroupNames groups)
{
    [Function(nameof(ListServersDetail))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ServerWire.Collection + "/detail")] HttpRequest req,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async call =>
        {
            var page = await queries.PageAsync(call, detail: true, "servers/detail", cancellationToken);
            var addressesOf = await addresses.ForAsync([.. page.Items.Select(s => s.Id)], cancellationToken);
            var groupsOf = await groups.ForAsync([.. page.Items.Select(s => s.Id)], cancellationToken);
            return NovaHttp.Json(ServerPages.Render(page, s => ServerSecurityGroupView.Add(ServerWire.Detail(req, call.Version, s, call.Caller.IsAdmin, addressesOf(s.Id)), groupsOf(s.Id))));
        }, cancellationToken);
}

using FuncCloud.Functions.Compute.Servers.Api;
using FuncCloud.Functions.Compute.Servers.Services;
using FuncCloud.Shared.Compute.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace FuncCloud.Functions.Compute.Servers.Functions;

/// <summary><c>GET /servers</c>: id, name and links of the visible servers, filtered, sorted and paged.</summary>
public sealed class ListServers(NovaHttp http, ServerQueries queries)
{
    [Function(nameof(ListServers))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ServerWire.Collection)] HttpRequest req,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async call =>
        {
            var page = await queries.PageAsync(call, detail: false, "servers", cancellationToken);
            return NovaHttp.Json(ServerPages.Render(page, s => ServerWire.Summary(req, s)));
        }, cancellationToken);
}

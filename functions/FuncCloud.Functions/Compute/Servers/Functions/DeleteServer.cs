using FuncCloud.Functions.Compute.Servers.Api;
using FuncCloud.Functions.Compute.Servers.Services;
using FuncCloud.Shared.Compute.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace FuncCloud.Functions.Compute.Servers.Functions;

/// <summary><c>DELETE /servers/{server_id}</c>: 204; the delete runs as a workflow (a building server's boot tears itself down).</summary>
public sealed class DeleteServer(NovaHttp http, ServerOperations operations)
{
    [Function(nameof(DeleteServer))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = ServerWire.Collection + "/{serverId}")] HttpRequest req,
        string serverId,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async call =>
        {
            await operations.DeleteAsync(call, serverId, durable, cancellationToken);
            return NovaHttp.Empty(StatusCodes.Status204NoContent);
        }, cancellationToken);
}

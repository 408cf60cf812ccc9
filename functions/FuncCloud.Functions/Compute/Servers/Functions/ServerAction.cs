using FuncCloud.Functions.Compute.Servers.Api;
using FuncCloud.Functions.Compute.Servers.Services;
using FuncCloud.Shared.Compute.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace FuncCloud.Functions.Compute.Servers.Functions;

/// <summary><c>POST /servers/{server_id}/action</c>: reboot, os-stop, os-start, pause, unpause, suspend, resume, lock, unlock, rebuild, resize, confirmResize, revertResize, createImage, os-getConsoleOutput.</summary>
public sealed class ServerAction(NovaHttp http, ServerActionHandler actions)
{
    [Function(nameof(ServerAction))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ServerWire.Collection + "/{serverId}/action")] HttpRequest req,
        string serverId,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        http.WithBodyAsync(req, (call, body) => actions.HandleAsync(call, serverId, body, durable, cancellationToken), cancellationToken);
}

using FuncCloud.Functions.Compute.Servers.Api;
using FuncCloud.Functions.Compute.Servers.Services;
using FuncCloud.Functions.Network.Compute;
using FuncCloud.Shared.Compute.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace FuncCloud.Functions.Compute.Servers.Functions;

/// <summary><c>PUT /servers/{server_id}</c>: name, description (2.19), access IPs.</summary>
public sealed class UpdateServer(NovaHttp http, ServerOperations operations, ServerAddresses addresses, TimeProvider time)
{
    [Function(nameof(UpdateServer))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = ServerWire.Collection + "/{serverId}")] HttpRequest req,
        string serverId,
        CancellationToken cancellationToken) =>
        http.WithBodyAsync(req, async (call, body) =>
        {
            var update = ServerUpdateRequest.Parse(body, call.Version);
            var server = await operations.UpdateAsync(call, serverId, s => s with
            {
                Name = update.Name ?? s.Name,
                Description = update.DescriptionSet ? update.Description : s.Description,
                AccessIpv4 = update.AccessIpv4 ?? s.AccessIpv4,
                AccessIpv6 = update.AccessIpv6 ?? s.AccessIpv6,
                UpdatedAt = time.GetUtcNow(),
            }, cancellationToken);
            var addressesOf = await addresses.ForAsync([server.Id], cancellationToken);
            return NovaHttp.Member("server", ServerWire.Changed(req, call.Version, server, call.Caller.IsAdmin, rebuild: false, addressesOf(server.Id)));
        }, cancellationToken);
}

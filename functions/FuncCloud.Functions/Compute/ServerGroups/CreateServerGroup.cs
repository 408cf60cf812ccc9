using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.Compute.ServerGroups;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Compute.ServerGroups;

/// <summary><c>POST /os-server-groups</c>: 200 with the group.</summary>
public sealed class CreateServerGroup(NovaHttp http, ServerGroupService groups)
{
    [Function(nameof(CreateServerGroup))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ServerGroupWire.Collection)] HttpRequest req,
        CancellationToken cancellationToken) =>
        http.WithBodyAsync(req, async (call, body) =>
            NovaHttp.Member("server_group", ServerGroupWire.Render(call.Version, await groups.CreateAsync(call, body, cancellationToken))), cancellationToken);
}

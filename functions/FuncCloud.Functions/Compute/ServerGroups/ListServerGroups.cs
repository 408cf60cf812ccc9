using System.Text.Json.Nodes;
using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.Compute.ServerGroups;
using FuncCloud.Shared.OpenStack.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Compute.ServerGroups;

/// <summary><c>GET /os-server-groups</c> with <c>all_projects</c> (admin), <c>limit</c> and <c>offset</c>.</summary>
public sealed class ListServerGroups(NovaHttp http, ServerGroupService groups)
{
    [Function(nameof(ListServerGroups))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ServerGroupWire.Collection)] HttpRequest req,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async call =>
        {
            var offset = QueryParameters.NonNegativeInt(req, "offset") ?? 0;
            var limit = Math.Min(QueryParameters.Limit(req) ?? NovaPaging.MaxLimit, NovaPaging.MaxLimit);
            var all = await groups.ListAsync(call, cancellationToken);
            var page = all.Skip(offset).Take(limit).Select(g => (JsonNode)ServerGroupWire.Render(call.Version, g));
            return NovaHttp.Member("server_groups", new JsonArray(page.ToArray()));
        }, cancellationToken);
}

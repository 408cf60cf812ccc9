using System.Text.Json.Nodes;
using FuncCloud.Shared.Compute.Aggregates;
using FuncCloud.Shared.Compute.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Compute.Aggregates;

/// <summary><c>GET /os-aggregates</c> (admin).</summary>
public sealed class ListAggregates(NovaHttp http, AggregateService aggregates)
{
    [Function(nameof(ListAggregates))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = AggregateWire.Collection)] HttpRequest req,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async call =>
            NovaHttp.Member("aggregates", new JsonArray((await aggregates.ListAsync(call, cancellationToken)).Select(a => (JsonNode)AggregateWire.Render(call.Version, a)).ToArray())), cancellationToken);
}

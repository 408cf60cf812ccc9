using System.Text.Json.Nodes;
using FuncCloud.Shared.Compute.Aggregates;
using FuncCloud.Shared.Compute.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using FuncCloud.Shared.OpenStack.Validation;

namespace FuncCloud.Functions.Compute.Aggregates;

/// <summary><c>GET /os-aggregates</c> (admin).</summary>
public sealed class ListAggregates(NovaHttp http, AggregateService aggregates)
{
    [Function(nameof(ListAggregates))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = AggregateWire.Collection)] HttpRequest req,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async call =>
        {
            // Nova does not page aggregates; a malformed limit or marker is still refused, never taken silently.
            QueryParameters.Limit(req);
            QueryParameters.Marker(req);
            return NovaHttp.Member("aggregates", new JsonArray((await aggregates.ListAsync(call, cancellationToken)).Select(a => (JsonNode)AggregateWire.Render(call.Version, a)).ToArray()));
        }, cancellationToken);
}

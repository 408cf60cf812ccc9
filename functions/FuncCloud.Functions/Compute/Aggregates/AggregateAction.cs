using FuncCloud.Shared.Compute.Aggregates;
using FuncCloud.Shared.Compute.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Compute.Aggregates;

/// <summary><c>POST /os-aggregates/{aggregate_id}/action</c> (admin): <c>add_host</c>, <c>remove_host</c>, <c>set_metadata</c>.</summary>
public sealed class AggregateAction(NovaHttp http, AggregateService aggregates)
{
    [Function(nameof(AggregateAction))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = AggregateWire.Collection + "/{aggregateId}/action")] HttpRequest req,
        string aggregateId,
        CancellationToken cancellationToken) =>
        http.WithBodyAsync(req, async (call, body) =>
            NovaHttp.Member("aggregate", AggregateWire.Render(call.Version, await aggregates.ActAsync(call, aggregateId, body, cancellationToken))), cancellationToken);
}

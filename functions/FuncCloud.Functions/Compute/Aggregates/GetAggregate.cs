using FuncCloud.Shared.Compute.Aggregates;
using FuncCloud.Shared.Compute.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Compute.Aggregates;

/// <summary><c>GET /os-aggregates/{aggregate_id}</c> (admin).</summary>
public sealed class GetAggregate(NovaHttp http, AggregateService aggregates)
{
    [Function(nameof(GetAggregate))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = AggregateWire.Collection + "/{aggregateId}")] HttpRequest req,
        string aggregateId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async call =>
            NovaHttp.Member("aggregate", AggregateWire.Render(call.Version, await aggregates.GetAsync(call, aggregateId, cancellationToken))), cancellationToken);
}

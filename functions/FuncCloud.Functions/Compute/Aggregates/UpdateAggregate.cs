using FuncCloud.Shared.Compute.Aggregates;
using FuncCloud.Shared.Compute.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Compute.Aggregates;

/// <summary><c>PUT /os-aggregates/{aggregate_id}</c> (admin): name and availability zone.</summary>
public sealed class UpdateAggregate(NovaHttp http, AggregateService aggregates)
{
    [Function(nameof(UpdateAggregate))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = AggregateWire.Collection + "/{aggregateId}")] HttpRequest req,
        string aggregateId,
        CancellationToken cancellationToken) =>
        http.WithBodyAsync(req, async (call, body) =>
            NovaHttp.Member("aggregate", AggregateWire.Render(call.Version, await aggregates.UpdateAsync(call, aggregateId, body, cancellationToken))), cancellationToken);
}

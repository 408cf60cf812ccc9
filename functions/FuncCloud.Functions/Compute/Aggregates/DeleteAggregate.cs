using FuncCloud.Shared.Compute.Aggregates;
using FuncCloud.Shared.Compute.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Compute.Aggregates;

/// <summary><c>DELETE /os-aggregates/{aggregate_id}</c> (admin): 200, only when empty.</summary>
public sealed class DeleteAggregate(NovaHttp http, AggregateService aggregates)
{
    [Function(nameof(DeleteAggregate))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = AggregateWire.Collection + "/{aggregateId}")] HttpRequest req,
        string aggregateId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async call =>
        {
            await aggregates.DeleteAsync(call, aggregateId, cancellationToken);
            return NovaHttp.Empty(StatusCodes.Status200OK);
        }, cancellationToken);
}

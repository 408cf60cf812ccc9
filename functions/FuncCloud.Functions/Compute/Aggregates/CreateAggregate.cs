using FuncCloud.Shared.Compute.Aggregates;
using FuncCloud.Shared.Compute.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Compute.Aggregates;

/// <summary><c>POST /os-aggregates</c> (admin): 200 with the aggregate.</summary>
public sealed class CreateAggregate(NovaHttp http, AggregateService aggregates)
{
    [Function(nameof(CreateAggregate))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = AggregateWire.Collection)] HttpRequest req,
        CancellationToken cancellationToken) =>
        http.WithBodyAsync(req, async (call, body) =>
            NovaHttp.Member("aggregate", AggregateWire.Render(call.Version, await aggregates.CreateAsync(call, body, cancellationToken))), cancellationToken);
}

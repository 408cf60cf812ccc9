using FuncCloud.Functions.Telemetry.Api;
using FuncCloud.Functions.Telemetry.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Telemetry.Functions.Batch;

/// <summary><c>POST /v1/search/resource/{type}</c>: the JSON query in the body or the string one in <c>filter</c>.</summary>
public sealed class SearchMetricResources(MetricHttp http, ResourceService resources)
{
    [Function(nameof(SearchMetricResources))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = MetricRoutes.SearchResources)] HttpRequest req,
        string type, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller =>
        {
            var query = ResourceListQuery.Parse(req);
            var filter = req.Query["filter"].LastOrDefault() is { } text
                ? SearchFilter.FromString(text)
                : await MetricHttp.OptionalBodyAsync(req, cancellationToken) is { } body ? SearchFilter.FromJson(body) : null;
            return MetricHttp.Json(await resources.ListAsync(caller, type, query, filter, cancellationToken));
        }, cancellationToken);
}

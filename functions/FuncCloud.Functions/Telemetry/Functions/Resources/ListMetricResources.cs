using FuncCloud.Functions.Telemetry.Api;
using FuncCloud.Functions.Telemetry.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Telemetry.Functions.Resources;

/// <summary><c>GET /v1/resource/{type}</c>: the caller's resources (all for admins), sorted and paged.</summary>
public sealed class ListMetricResources(MetricHttp http, ResourceService resources)
{
    [Function(nameof(ListMetricResources))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = MetricRoutes.Resources)] HttpRequest req,
        string type, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller => MetricHttp.Json(await resources.ListAsync(caller, type, ResourceListQuery.Parse(req), null, cancellationToken)), cancellationToken);
}

using System.Text;
using FuncCloud.Functions.Telemetry.Api;
using FuncCloud.Functions.Telemetry.Rating;
using FuncCloud.Functions.Telemetry.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Telemetry.Functions.Rating;

/// <summary>
/// <c>GET /metric/v1/rating/report?project_id=&amp;start=&amp;end=&amp;format=json|csv</c>: a project's usage over the
/// window priced by the configured table (admins any project; a project's readers and members their own), as JSON
/// or CSV (<c>./funccloud usage</c>).
/// </summary>
public sealed class GetRatingReport(MetricHttp http, MetricAccess access, RatingService rating, TimeProvider time)
{
    [Function(nameof(GetRatingReport))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = MetricRoutes.RatingReport)] HttpRequest req,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller =>
        {
            var query = RatingQuery.Parse(req, caller, time.GetUtcNow());
            access.Enforce(MetricPolicyDefaults.Actions.GetRatingReport, caller, query.ProjectId);
            var report = await rating.RateAsync(query.ProjectId, query.Start, query.End, cancellationToken);
            return query.Csv
                ? Results.Text(RatingWire.Csv(report), "text/csv", Encoding.UTF8)
                : MetricHttp.Json(RatingWire.Json(report));
        }, cancellationToken);
}

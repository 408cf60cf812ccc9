using FuncCloud.Shared.Security.Policy;

namespace FuncCloud.Functions.Telemetry.Services;

/// <summary>
/// Gnocchi's rules in project personas: readers read, members write in their own project, admins do everything
/// (status, archive policies). Which resources and metrics a caller sees at all is decided in code first
/// (their project's, or all for admins), so another project's are a 404 or absent from lists.
/// </summary>
public sealed class MetricPolicyDefaults : IPolicyDefaults
{
    private const string Reader = "role:admin or role:reader or role:member";
    private const string Member = "role:admin or (role:member and project_id:%(project_id)s)";

    /// <summary>Action names.</summary>
    public static class Actions
    {
        public const string GetStatus = "metric:get_status";
        public const string ReadCatalog = "metric:read_catalog";
        public const string ListResources = "metric:list_resource";
        public const string GetResource = "metric:get_resource";
        public const string CreateResource = "metric:create_resource";
        public const string UpdateResource = "metric:update_resource";
        public const string DeleteResource = "metric:delete_resource";
        public const string ListMetrics = "metric:list_metric";
        public const string GetMetric = "metric:get_metric";
        public const string CreateMetric = "metric:create_metric";
        public const string DeleteMetric = "metric:delete_metric";
        public const string PostMeasures = "metric:post_measures";
        public const string GetMeasures = "metric:get_measures";
        public const string GetRatingReport = "rating:get_report";
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> Rules { get; } = new Dictionary<string, string>
    {
        [Actions.GetStatus] = "role:admin",
        [Actions.ReadCatalog] = Reader,
        [Actions.ListResources] = Reader,
        [Actions.GetResource] = Reader,
        [Actions.CreateResource] = Member,
        [Actions.UpdateResource] = Member,
        [Actions.DeleteResource] = Member,
        [Actions.ListMetrics] = Reader,
        [Actions.GetMetric] = Reader,
        [Actions.CreateMetric] = Member,
        [Actions.DeleteMetric] = Member,
        [Actions.PostMeasures] = Member,
        [Actions.GetMeasures] = Reader,

        // A rating report is billing data: a project's own readers and members, and admins for any project.
        [Actions.GetRatingReport] = "role:admin or ((role:reader or role:member) and project_id:%(project_id)s)",
    };
}

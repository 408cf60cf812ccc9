namespace FuncCloud.Shared.Alarming;

/// <summary>The alarm states, as aodh names them on the wire.</summary>
public static class AlarmStates
{
    public const string Ok = "ok";
    public const string Alarm = "alarm";
    public const string InsufficientData = "insufficient data";

    /// <summary>Every state, in aodh's order.</summary>
    public static readonly IReadOnlyList<string> All = [Ok, Alarm, InsufficientData];
}

/// <summary>
/// One alarm as stored: aodh's alarm model. <see cref="Rule"/> holds the fields of the type's rule
/// (<c>gnocchi_resources_threshold_rule</c> ...).
/// </summary>
public sealed record AlarmRecord(
    string AlarmId,
    string Name,
    string Description,
    string Type,
    bool Enabled,
    string State,
    string StateReason,
    string Severity,
    bool RepeatActions,
    IReadOnlyList<string> OkActions,
    IReadOnlyList<string> AlarmActions,
    IReadOnlyList<string> InsufficientDataActions,
    IReadOnlyList<AlarmTimeConstraint> TimeConstraints,
    AlarmRule Rule,
    string ProjectId,
    string UserId,
    DateTimeOffset Timestamp,
    DateTimeOffset StateTimestamp)
{
    /// <summary>The actions of <paramref name="state"/>.</summary>
    public IReadOnlyList<string> ActionsFor(string state) => state switch
    {
        AlarmStates.Ok => OkActions,
        AlarmStates.Alarm => AlarmActions,
        _ => InsufficientDataActions,
    };
}

/// <summary>A window in which the alarm is evaluated: <c>start</c> cron, <c>duration</c> seconds, <c>timezone</c>.</summary>
public sealed record AlarmTimeConstraint(string Name, string Description, string Start, int Duration, string Timezone);

/// <summary>
/// The fields of a gnocchi threshold rule; which of <see cref="Metric"/>, <see cref="Metrics"/>,
/// <see cref="ResourceId"/>, <see cref="ResourceType"/> and <see cref="Query"/> are set depends on the alarm type.
/// </summary>
public sealed record AlarmRule(
    string? Metric,
    IReadOnlyList<string>? Metrics,
    string? ResourceId,
    string? ResourceType,
    string? Query,
    string AggregationMethod,
    int Granularity,
    string ComparisonOperator,
    double Threshold,
    int EvaluationPeriods);

/// <summary>One entry of an alarm's history (aodh's AlarmChange).</summary>
public sealed record AlarmChangeRecord(
    string EventId,
    string AlarmId,
    string Type,
    string Detail,
    string? ProjectId,
    string? UserId,
    string OnBehalfOf,
    DateTimeOffset Timestamp,
    string? Severity);

/// <summary>The history entry types.</summary>
public static class AlarmChangeTypes
{
    public const string Creation = "creation";
    public const string RuleChange = "rule change";
    public const string StateTransition = "state transition";
    public const string Deletion = "deletion";
}

/// <summary>The alarm types this service evaluates.</summary>
public static class AlarmTypes
{
    public const string GnocchiResourcesThreshold = "gnocchi_resources_threshold";
    public const string GnocchiAggregationByMetricsThreshold = "gnocchi_aggregation_by_metrics_threshold";
    public const string GnocchiAggregationByResourcesThreshold = "gnocchi_aggregation_by_resources_threshold";

    /// <summary>Every type, as <c>/v2/capabilities</c> and validation list them.</summary>
    public static readonly IReadOnlyList<string> All = [GnocchiAggregationByMetricsThreshold, GnocchiAggregationByResourcesThreshold, GnocchiResourcesThreshold];
}

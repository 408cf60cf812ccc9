using System.Globalization;
using System.Text.Json.Nodes;
using FuncCloud.Shared.Alarming;

namespace FuncCloud.Functions.Alarming.Api;

/// <summary>Aodh's response bodies (its wsme models: exactly these keys).</summary>
public static class AlarmWire
{
    /// <summary>One alarm: the common fields and <c>&lt;type&gt;_rule</c>.</summary>
    public static JsonObject Alarm(AlarmRecord alarm) => new()
    {
        ["alarm_id"] = alarm.AlarmId,
        ["name"] = alarm.Name,
        ["description"] = alarm.Description,
        ["enabled"] = alarm.Enabled,
        ["ok_actions"] = Strings(alarm.OkActions),
        ["alarm_actions"] = Strings(alarm.AlarmActions),
        ["insufficient_data_actions"] = Strings(alarm.InsufficientDataActions),
        ["repeat_actions"] = alarm.RepeatActions,
        ["type"] = alarm.Type,
        ["time_constraints"] = new JsonArray([.. alarm.TimeConstraints.Select(TimeConstraint)]),
        ["project_id"] = alarm.ProjectId,
        ["user_id"] = alarm.UserId,
        ["timestamp"] = Time(alarm.Timestamp),
        ["state"] = alarm.State,
        ["state_timestamp"] = Time(alarm.StateTimestamp),
        ["state_reason"] = alarm.StateReason,
        ["severity"] = alarm.Severity,
        [alarm.Type + "_rule"] = Rule(alarm.Type, alarm.Rule),
    };

    /// <summary>The rule object of <paramref name="type"/>: aodh's rule model fields for that type only.</summary>
    public static JsonObject Rule(string type, AlarmRule rule)
    {
        var body = new JsonObject();
        switch (type)
        {
            case AlarmTypes.GnocchiResourcesThreshold:
                body["metric"] = rule.Metric;
                body["resource_id"] = rule.ResourceId;
                body["resource_type"] = rule.ResourceType;
                break;
            case AlarmTypes.GnocchiAggregationByMetricsThreshold:
                body["metrics"] = Strings(rule.Metrics ?? []);
                break;
            default:
                body["metric"] = rule.Metric;
                body["resource_type"] = rule.ResourceType;
                body["query"] = rule.Query;
                break;
        }

        body["aggregation_method"] = rule.AggregationMethod;
        body["granularity"] = rule.Granularity;
        body["comparison_operator"] = rule.ComparisonOperator;
        body["threshold"] = rule.Threshold;
        body["evaluation_periods"] = rule.EvaluationPeriods;
        return body;
    }

    /// <summary>One time constraint.</summary>
    public static JsonObject TimeConstraint(AlarmTimeConstraint constraint) => new()
    {
        ["name"] = constraint.Name,
        ["description"] = constraint.Description,
        ["start"] = constraint.Start,
        ["duration"] = constraint.Duration,
        ["timezone"] = constraint.Timezone,
    };

    /// <summary>One history entry (aodh's AlarmChange).</summary>
    public static JsonObject Change(AlarmChangeRecord change) => new()
    {
        ["event_id"] = change.EventId,
        ["alarm_id"] = change.AlarmId,
        ["type"] = change.Type,
        ["detail"] = change.Detail,
        ["project_id"] = change.ProjectId,
        ["user_id"] = change.UserId,
        ["on_behalf_of"] = change.OnBehalfOf,
        ["timestamp"] = Time(change.Timestamp),
        ["severity"] = change.Severity,
    };

    /// <summary>wsme's datetime: ISO 8601 without an offset (UTC), microseconds when present.</summary>
    public static string Time(DateTimeOffset when) =>
        when.UtcDateTime.ToString(when.UtcDateTime.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss" : "yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture);

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode?)JsonValue.Create(v))]);
}

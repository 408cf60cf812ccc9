using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FuncCloud.Shared.Alarming;
using FuncCloud.Shared.OpenStack.Errors;
using FuncCloud.Shared.OpenStack.Validation;

namespace FuncCloud.Functions.Alarming.Services;

/// <summary>
/// Turns a POST or PUT body into an alarm, with aodh's defaults and checks (its wsme Alarm model and the
/// gnocchi rule models). Fields the server owns (<c>alarm_id</c>, timestamps) are accepted and ignored, as
/// aodh does, because aodhclient's update sends back the whole alarm it read.
/// </summary>
public sealed partial class AlarmValidator(ActionPolicy actions)
{
    /// <summary>The severities.</summary>
    public static readonly IReadOnlyList<string> Severities = ["low", "moderate", "critical"];

    /// <summary>The comparison operators.</summary>
    public static readonly IReadOnlyList<string> Operators = ["lt", "le", "eq", "ne", "ge", "gt"];

    private static readonly HashSet<string> AlarmFields =
    [
        "alarm_id", "name", "description", "enabled", "ok_actions", "alarm_actions", "insufficient_data_actions",
        "repeat_actions", "type", "time_constraints", "project_id", "user_id", "timestamp", "state",
        "state_timestamp", "state_reason", "severity", "evaluation_periods",
        "threshold_rule", "combination_rule", "event_rule", "composite_rule", "loadbalancer_member_health_rule",
        .. AlarmTypes.All.Select(t => t + "_rule"),
    ];

    private static readonly HashSet<string> RuleFields =
    [
        "metric", "metrics", "resource_id", "resource_type", "query", "aggregation_method", "granularity",
        "comparison_operator", "threshold", "evaluation_periods",
    ];

    private static readonly HashSet<string> ConstraintFields = ["name", "description", "start", "duration", "timezone"];

    private static readonly HashSet<string> AggregationMethods = ["mean", "sum", "last", "max", "min", "std", "median", "first", "count"];

    /// <summary>
    /// The alarm <paramref name="body"/> describes. <paramref name="template"/> carries the server-owned fields
    /// (id, owner, timestamps, current state) the result keeps unless the body may change them.
    /// </summary>
    public AlarmRecord Read(JsonObject body, AlarmRecord template, bool projectLimited)
    {
        AlarmInput.RejectUnknown(body, AlarmFields, "data");
        var name = TextRules.Name("name", AlarmInput.RequireText(body, "name"), 255);
        var type = AlarmInput.RequireText(body, "type");
        if (!AlarmTypes.All.Contains(type))
        {
            throw AlarmInput.Invalid("type", body["type"], "Value should be one of: " + string.Join(", ", AlarmTypes.All));
        }

        foreach (var other in AlarmFields.Where(f => f.EndsWith("_rule", StringComparison.Ordinal) && f != type + "_rule"))
        {
            if (body[other] is not null)
            {
                throw new BadRequestException($"{type}_rule and {other} cannot be set at the same time");
            }
        }

        var ruleBody = body[type + "_rule"] switch
        {
            null => throw new BadRequestException($"{type}_rule must be set for {type} type alarm"),
            JsonObject o => o,
            var other => throw AlarmInput.Invalid(type + "_rule", other, "Wrong type. Expected an object"),
        };

        var state = AlarmInput.OptionalEnum(body, "state", AlarmStates.All) ?? template.State;
        var constraints = ReadConstraints(body);
        return template with
        {
            Name = name,
            Description = AlarmInput.OptionalText(body, "description") ?? $"{type} alarm rule",
            Type = type,
            Enabled = AlarmInput.OptionalBool(body, "enabled") ?? true,
            State = state,
            StateReason = state == template.State ? template.StateReason : "Manually set via API",
            Severity = AlarmInput.OptionalEnum(body, "severity", Severities) ?? "low",
            RepeatActions = AlarmInput.OptionalBool(body, "repeat_actions") ?? false,
            OkActions = actions.Check(AlarmInput.OptionalTextList(body, "ok_actions") ?? [], projectLimited),
            AlarmActions = actions.Check(AlarmInput.OptionalTextList(body, "alarm_actions") ?? [], projectLimited),
            InsufficientDataActions = actions.Check(AlarmInput.OptionalTextList(body, "insufficient_data_actions") ?? [], projectLimited),
            TimeConstraints = constraints,
            Rule = ReadRule(type, ruleBody),
        };
    }

    private static AlarmRule ReadRule(string type, JsonObject rule)
    {
        AlarmInput.RejectUnknown(rule, RuleFields, type + "_rule");
        string? metric = null, resourceId = null, resourceType = null, query = null;
        IReadOnlyList<string>? metrics = null;
        switch (type)
        {
            case AlarmTypes.GnocchiResourcesThreshold:
                metric = AlarmInput.RequireText(rule, "metric");
                resourceId = AlarmInput.RequireText(rule, "resource_id");
                resourceType = AlarmInput.RequireText(rule, "resource_type");
                break;
            case AlarmTypes.GnocchiAggregationByMetricsThreshold:
                metrics = AlarmInput.OptionalTextList(rule, "metrics") is { Count: > 0 } list
                    ? list
                    : throw AlarmInput.Invalid("metrics", rule["metrics"], "Mandatory field missing.");
                break;
            default:
                metric = AlarmInput.RequireText(rule, "metric");
                resourceType = AlarmInput.RequireText(rule, "resource_type");
                query = AlarmInput.RequireText(rule, "query");
                try
                {
                    _ = JsonNode.Parse(query);
                }
                catch (System.Text.Json.JsonException)
                {
                    throw new BadRequestException($"Query value or traits invalid: {query}");
                }

                break;
        }

        var aggregation = AlarmInput.RequireText(rule, "aggregation_method");
        var method = aggregation.StartsWith("rate:", StringComparison.Ordinal) ? aggregation[5..] : aggregation;
        if (!AggregationMethods.Contains(method) && !Percentile().IsMatch(method))
        {
            throw new BadRequestException($"aggregation_method should be in {string.Join(", ", AggregationMethods)} and their rate: forms, not {aggregation}");
        }

        return new AlarmRule(
            metric,
            metrics,
            resourceId,
            resourceType,
            query,
            aggregation,
            AlarmInput.OptionalInt(rule, "granularity", 1) ?? 300,
            AlarmInput.OptionalEnum(rule, "comparison_operator", Operators) ?? "eq",
            AlarmInput.RequireFloat(rule, "threshold"),
            AlarmInput.OptionalInt(rule, "evaluation_periods", 1) ?? 1);
    }

    private static IReadOnlyList<AlarmTimeConstraint> ReadConstraints(JsonObject body)
    {
        var list = body["time_constraints"] switch
        {
            null => [],
            JsonArray a => a,
            var other => throw AlarmInput.Invalid("time_constraints", other, "Wrong type. Expected a list"),
        };

        var constraints = new List<AlarmTimeConstraint>();
        foreach (var item in list)
        {
            if (item is not JsonObject tc)
            {
                throw AlarmInput.Invalid("time_constraints", item, "Wrong type. Expected an object");
            }

            AlarmInput.RejectUnknown(tc, ConstraintFields, "time_constraints");
            var name = TextRules.Name("name", AlarmInput.RequireText(tc, "name"), 255);
            var start = AlarmInput.RequireText(tc, "start");
            if (TimeConstraintRules.Parse(start) is null)
            {
                throw AlarmInput.Invalid("start", tc["start"], "Invalid cron expression");
            }

            var duration = AlarmInput.OptionalInt(tc, "duration", 0) ?? throw AlarmInput.Invalid("duration", null, "Mandatory field missing.");
            var timezone = AlarmInput.OptionalText(tc, "timezone") ?? string.Empty;
            if (TimeConstraintRules.Zone(timezone) is null)
            {
                throw new BadRequestException($"Timezone {timezone} is not valid");
            }

            var description = AlarmInput.OptionalText(tc, "description") ?? $"Time constraint at {start} lasting for {duration} seconds";
            constraints.Add(new AlarmTimeConstraint(name, description, start, duration, timezone));
        }

        if (constraints.Select(c => c.Name).Distinct(StringComparer.Ordinal).Count() != constraints.Count)
        {
            throw new BadRequestException("Time constraint names must be unique for a given alarm.");
        }

        return constraints;
    }

    [GeneratedRegex("^[0-9]{1,2}pct$")]
    private static partial Regex Percentile();
}

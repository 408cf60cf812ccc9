using System.Globalization;
using System.Text.Json.Nodes;
using FuncCloud.Shared.Alarming;

namespace FuncCloud.Functions.Alarming.Evaluation;

/// <summary>What one evaluation decided: the state to store (null: leave it), the reason and aodh's reason data.</summary>
public sealed record EvaluationOutcome(string? State, string Reason, JsonObject ReasonData);

/// <summary>
/// Aodh's threshold evaluation (evaluator/threshold.py), pure: the last <c>evaluation_periods</c> points at the
/// rule's granularity; all breaching → <c>alarm</c>, none → <c>ok</c>, too few → <c>insufficient data</c>; a
/// mixed window keeps the state, except that an alarm still in <c>insufficient data</c> follows the latest point.
/// </summary>
public static class ThresholdEvaluation
{
    /// <summary>
    /// The outcome for <paramref name="alarm"/> given <paramref name="values"/> (oldest first, already at the rule's
    /// granularity); null when nothing is to be stored or notified.
    /// </summary>
    public static EvaluationOutcome? Evaluate(AlarmRecord alarm, IReadOnlyList<double> values)
    {
        var rule = alarm.Rule;
        var window = values.Count > rule.EvaluationPeriods ? values.Skip(values.Count - rule.EvaluationPeriods).ToList() : values;
        var unknown = alarm.State == AlarmStates.InsufficientData;
        if (window.Count < rule.EvaluationPeriods)
        {
            // Already without data: nothing to record and, as in aodh, nothing to repeat.
            return unknown ? null : Unknown(alarm, window);
        }

        var compared = window.Select(v => Breaches(rule.ComparisonOperator, v, rule.Threshold)).ToList();
        var outside = compared.Count(c => c);
        var all = outside == compared.Count;
        var none = outside == 0;
        if (!all && !none)
        {
            // Mixed: only an alarm without a state yet (or one that repeats its actions) moves, to the trend.
            if (!unknown && !alarm.RepeatActions)
            {
                return null;
            }

            var trend = unknown ? (compared[^1] ? AlarmStates.Alarm : AlarmStates.Ok) : alarm.State;
            return Reasoned(alarm, trend, window, outside);
        }

        var state = all ? AlarmStates.Alarm : AlarmStates.Ok;
        return state != alarm.State || alarm.RepeatActions ? Reasoned(alarm, state, window, outside) : null;
    }

    /// <summary>True when <paramref name="value"/> breaches: <c>value op threshold</c>.</summary>
    public static bool Breaches(string op, double value, double threshold) => op switch
    {
        "lt" => value < threshold,
        "le" => value <= threshold,
        "ne" => value != threshold,
        "ge" => value >= threshold,
        "gt" => value > threshold,
        _ => value == threshold,
    };

    /// <summary>A number as Python's <c>%s</c> renders a float (<c>95.0</c>, <c>0.5</c>).</summary>
    public static string Python(double value) =>
        value == Math.Floor(value) && Math.Abs(value) < 1e16 ? value.ToString("0.0", CultureInfo.InvariantCulture) : value.ToString("R", CultureInfo.InvariantCulture);

    private static EvaluationOutcome Unknown(AlarmRecord alarm, IReadOnlyList<double> window)
    {
        var periods = alarm.Rule.EvaluationPeriods;
        var data = ReasonData("unknown", periods, window.Count > 0 ? window[^1] : null);
        return new EvaluationOutcome(AlarmStates.InsufficientData, $"{periods} datapoints are unknown", data);
    }

    private static EvaluationOutcome Reasoned(AlarmRecord alarm, string state, IReadOnlyList<double> window, int outside)
    {
        var inside = state == AlarmStates.Ok;
        var count = inside ? window.Count - outside : outside;
        var disposition = inside ? "inside" : "outside";
        var verb = alarm.State != state ? "Transition to" : "Remaining as";
        var reason = $"{verb} {state} due to {count} samples {disposition} threshold, most recent: {Python(window[^1])}";
        return new EvaluationOutcome(state, reason, ReasonData(disposition, count, window[^1]));
    }

    private static JsonObject ReasonData(string disposition, int count, double? mostRecent) => new()
    {
        ["type"] = "threshold",
        ["disposition"] = disposition,
        ["count"] = count,
        ["most_recent"] = mostRecent,
    };
}

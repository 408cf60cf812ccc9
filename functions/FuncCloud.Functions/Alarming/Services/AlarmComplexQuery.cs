using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FuncCloud.Functions.Alarming.Api;
using FuncCloud.Shared.Alarming;
using FuncCloud.Shared.OpenStack.Errors;
using FuncCloud.Shared.Security;
using FuncCloud.Shared.Security.Policy;
using A = FuncCloud.Functions.Alarming.Services.AlarmingPolicyDefaults.Actions;

namespace FuncCloud.Functions.Alarming.Services;

/// <summary>
/// <c>POST /v2/query/alarms</c>, aodh's complex query: <c>filter</c> (a JSON string of <c>=</c>, <c>!=</c>,
/// <c>&lt;</c>, <c>&lt;=</c>, <c>&gt;</c>, <c>&gt;=</c>, <c>in</c>, <c>and</c>, <c>or</c>, <c>not</c>), <c>orderby</c>
/// and <c>limit</c>. aodhclient finds alarms by name with it. A project-limited caller queries its own project only.
/// </summary>
public sealed class AlarmComplexQuery(AlarmStore store, PolicyEnforcer policy)
{
    private static readonly Dictionary<string, Func<AlarmRecord, object?>> Fields = new(StringComparer.Ordinal)
    {
        ["alarm_id"] = a => a.AlarmId,
        ["name"] = a => a.Name,
        ["description"] = a => a.Description,
        ["type"] = a => a.Type,
        ["enabled"] = a => a.Enabled,
        ["state"] = a => a.State,
        ["severity"] = a => a.Severity,
        ["user_id"] = a => a.UserId,
        ["project_id"] = a => a.ProjectId,
        ["repeat_actions"] = a => a.RepeatActions,
        ["timestamp"] = a => a.Timestamp,
        ["state_timestamp"] = a => a.StateTimestamp,
    };

    /// <summary>The alarms matching <paramref name="body"/>.</summary>
    public async Task<IReadOnlyList<AlarmRecord>> QueryAsync(RequestContext caller, JsonObject body, CancellationToken cancellationToken)
    {
        AlarmInput.RejectUnknown(body, new HashSet<string> { "filter", "orderby", "limit" }, "body");
        var limited = AlarmAccess.IsProjectLimited(caller);
        policy.Enforce(A.QueryAlarm, caller, AlarmAccess.Target(caller.ProjectId, caller.UserId));
        var filter = Parse(AlarmInput.OptionalText(body, "filter"), "filter") is { } f ? Predicate(f) : _ => true;
        var limit = AlarmInput.OptionalInt(body, "limit", 1);

        var alarms = new List<AlarmRecord>();
        if (limited)
        {
            alarms.AddRange(caller.ProjectId is { } project ? await store.ListAsync(project, cancellationToken) : []);
        }
        else
        {
            await foreach (var document in store.ScanAsync(cancellationToken))
            {
                alarms.Add(document.Value);
            }
        }

        IEnumerable<AlarmRecord> result = Order(alarms.Where(filter), Parse(AlarmInput.OptionalText(body, "orderby"), "orderby"));
        return [.. limit is { } n ? result.Take(n) : result];
    }

    private static JsonNode? Parse(string? text, string name)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            throw new BadRequestException($"{name} invalid: {text}");
        }
    }

    private static Func<AlarmRecord, bool> Predicate(JsonNode node)
    {
        if (node is not JsonObject { Count: 1 } expression)
        {
            throw new BadRequestException($"Filter expression not valid: {node.ToJsonString()}");
        }

        var (op, operand) = expression.First();
        switch (op.ToLowerInvariant())
        {
            case "and" or "or":
                var parts = (operand as JsonArray ?? throw new BadRequestException($"Filter expression not valid: {op} needs a list")).Select(p => Predicate(p!)).ToList();
                return op.Equals("and", StringComparison.OrdinalIgnoreCase) ? a => parts.All(p => p(a)) : a => parts.Any(p => p(a));
            case "not":
                var inner = Predicate(operand ?? throw new BadRequestException("Filter expression not valid: not needs an expression"));
                return a => !inner(a);
        }

        if (operand is not JsonObject { Count: 1 } comparison)
        {
            throw new BadRequestException($"Filter expression not valid: {node.ToJsonString()}");
        }

        var (field, value) = comparison.First();
        if (!Fields.TryGetValue(field, out var read))
        {
            throw AlarmQuery.UnknownField(field, Fields.Keys);
        }

        return op.ToLowerInvariant() switch
        {
            "=" or "eq" => a => Compare(read(a), value) == 0,
            "!=" or "ne" => a => Compare(read(a), value) != 0,
            "<" or "lt" => a => Compare(read(a), value) < 0,
            "<=" or "le" => a => Compare(read(a), value) <= 0,
            ">" or "gt" => a => Compare(read(a), value) > 0,
            ">=" or "ge" => a => Compare(read(a), value) >= 0,
            "in" => value is JsonArray options ? a => options.Any(o => Compare(read(a), o) == 0) : throw new BadRequestException("Filter expression not valid: in needs a list"),
            _ => throw new BadRequestException($"Operator {op} is not supported"),
        };
    }

    private static int Compare(object? actual, JsonNode? expected) => actual switch
    {
        bool flag => expected is JsonValue v && v.TryGetValue(out bool b) ? flag.CompareTo(b) : string.Compare(flag.ToString(), expected?.ToString(), StringComparison.OrdinalIgnoreCase),
        DateTimeOffset instant => DateTimeOffset.TryParse(expected?.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var other)
            ? instant.CompareTo(other) : throw new BadRequestException($"Invalid timestamp value {expected?.ToJsonString()}"),
        _ => string.CompareOrdinal(actual?.ToString(), expected is JsonValue s && s.TryGetValue(out string? text) ? text : expected?.ToJsonString()),
    };

    private static IEnumerable<AlarmRecord> Order(IEnumerable<AlarmRecord> alarms, JsonNode? orderby)
    {
        IOrderedEnumerable<AlarmRecord>? ordered = null;
        foreach (var item in orderby as JsonArray ?? [])
        {
            if (item is not JsonObject { Count: 1 } order)
            {
                throw new BadRequestException($"Order-by expression not valid: {item?.ToJsonString()}");
            }

            var (field, direction) = order.First();
            if (!Fields.TryGetValue(field, out var read))
            {
                throw AlarmQuery.UnknownField(field, Fields.Keys);
            }

            var descending = direction?.ToString().ToLowerInvariant() switch
            {
                "desc" => true,
                "asc" => false,
                _ => throw new BadRequestException($"Order-by expression not valid: {order.ToJsonString()}"),
            };
            Func<AlarmRecord, string> key = a => read(a) is DateTimeOffset t ? AlarmWire.Time(t) : read(a)?.ToString() ?? string.Empty;
            ordered = ordered is null
                ? descending ? alarms.OrderByDescending(key, StringComparer.Ordinal) : alarms.OrderBy(key, StringComparer.Ordinal)
                : descending ? ordered.ThenByDescending(key, StringComparer.Ordinal) : ordered.ThenBy(key, StringComparer.Ordinal);
        }

        return ordered ?? alarms.OrderByDescending(a => a.Timestamp);
    }
}

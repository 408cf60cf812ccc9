using System.Text.Json.Nodes;
using FuncCloud.Functions.Alarming.Api;
using FuncCloud.Shared.Alarming;

namespace FuncCloud.Functions.Alarming.Services;

/// <summary>The history entries aodh records: creation, rule change, state transition, deletion.</summary>
public static class AlarmChanges
{
    /// <summary>aodh's storage-model view of an alarm (the <c>detail</c> of creation and rule-change entries): the rule under <c>rule</c>.</summary>
    public static JsonObject Model(AlarmRecord alarm)
    {
        var body = AlarmWire.Alarm(alarm);
        body.Remove(alarm.Type + "_rule");
        body["rule"] = AlarmWire.Rule(alarm.Type, alarm.Rule);
        return body;
    }

    /// <summary>The fields of <paramref name="after"/> that differ from <paramref name="before"/> (timestamps aside).</summary>
    public static JsonObject Diff(AlarmRecord before, AlarmRecord after)
    {
        var old = Model(before);
        var changed = new JsonObject();
        foreach (var (key, value) in Model(after))
        {
            if (key is "timestamp" or "state_timestamp" || JsonNode.DeepEquals(value, old[key]))
            {
                continue;
            }

            changed[key] = value?.DeepClone();
        }

        return changed;
    }

    /// <summary>A history entry made by <paramref name="userId"/> of <paramref name="projectId"/>.</summary>
    public static AlarmChangeRecord Entry(AlarmRecord alarm, string type, JsonObject detail, string? userId, string? projectId, DateTimeOffset now) =>
        new(Guid.NewGuid().ToString(), alarm.AlarmId, type, detail.ToJsonString(), projectId, userId, alarm.ProjectId, now, alarm.Severity);
}

using System.Text.Json.Nodes;
using FuncCloud.Functions.Alarming.Api;
using FuncCloud.Shared.Alarming;
using FuncCloud.Shared.OpenStack.Errors;
using FuncCloud.Shared.Security;
using FuncCloud.Shared.Security.Policy;
using FuncCloud.Shared.Storage;
using A = FuncCloud.Functions.Alarming.Services.AlarmingPolicyDefaults.Actions;

namespace FuncCloud.Functions.Alarming.Services;

/// <summary>Create, show, update, delete and set the state of alarms, recording each change in the history.</summary>
public sealed class AlarmService(AlarmStore store, AlarmAccess access, AlarmValidator validator, PolicyEnforcer policy, TimeProvider clock)
{
    /// <summary>The reason of a state nobody has evaluated yet.</summary>
    public const string NotEvaluated = "Not evaluated yet";

    /// <summary><c>POST /v2/alarms</c>.</summary>
    public async Task<AlarmRecord> CreateAsync(RequestContext caller, JsonObject body, CancellationToken cancellationToken)
    {
        var limited = AlarmAccess.IsProjectLimited(caller);
        var projectId = Owner(body, "project_id", caller.ProjectId, limited, "project");
        var userId = Owner(body, "user_id", caller.UserId, limited, "user") ?? caller.UserId;
        policy.Enforce(A.CreateAlarm, caller, AlarmAccess.Target(projectId ?? caller.ProjectId, userId));
        if (projectId is null)
        {
            throw new BadRequestException("project_id must be set: the token is not scoped to a project.");
        }

        var now = clock.GetUtcNow();
        var template = new AlarmRecord(
            Guid.NewGuid().ToString(), string.Empty, string.Empty, string.Empty, true, AlarmStates.InsufficientData, NotEvaluated,
            "low", false, [], [], [], [], new AlarmRule(null, null, null, null, null, "mean", 300, "eq", 0, 1), projectId, userId, now, now);
        var alarm = validator.Read(body, template, limited);
        if (alarm.State != AlarmStates.InsufficientData)
        {
            alarm = alarm with { StateReason = "Manually set via API" };
        }

        try
        {
            await store.CreateAsync(alarm, cancellationToken);
        }
        catch (DuplicateKeyException)
        {
            throw new AlarmNameExistsException(alarm.Name);
        }

        await store.RecordChangeAsync(AlarmChanges.Entry(alarm, AlarmChangeTypes.Creation, AlarmChanges.Model(alarm), caller.UserId, caller.ProjectId, now), cancellationToken);
        return alarm;
    }

    /// <summary><c>GET /v2/alarms/{id}</c>.</summary>
    public async Task<AlarmRecord> GetAsync(RequestContext caller, string alarmId, CancellationToken cancellationToken) =>
        (await access.GetAsync(caller, alarmId, A.GetAlarm, cancellationToken)).Value;

    /// <summary><c>PUT /v2/alarms/{id}</c>: the body replaces the alarm (aodhclient sends the whole alarm back).</summary>
    public async Task<AlarmRecord> UpdateAsync(RequestContext caller, string alarmId, JsonObject body, CancellationToken cancellationToken)
    {
        var current = await access.GetAsync(caller, alarmId, A.ChangeAlarm, cancellationToken);
        var limited = AlarmAccess.IsProjectLimited(caller);
        var now = clock.GetUtcNow();
        var template = current.Value with
        {
            ProjectId = limited ? current.Value.ProjectId : AlarmInput.OptionalText(body, "project_id") ?? current.Value.ProjectId,
            UserId = limited ? current.Value.UserId : AlarmInput.OptionalText(body, "user_id") ?? current.Value.UserId,
            Timestamp = now,
        };
        var updated = validator.Read(body, template, limited);
        if (updated.State != current.Value.State)
        {
            updated = updated with { StateTimestamp = now };
        }

        try
        {
            await store.ReplaceAsync(current, updated, cancellationToken);
        }
        catch (DuplicateKeyException)
        {
            throw new AlarmNameExistsException(updated.Name);
        }
        catch (ConcurrencyException)
        {
            throw new ConflictException($"Alarm {alarmId} was changed concurrently; retry the update.");
        }

        var diff = AlarmChanges.Diff(current.Value, updated);
        if (diff.Count > 0)
        {
            await store.RecordChangeAsync(AlarmChanges.Entry(updated, AlarmChangeTypes.RuleChange, diff, caller.UserId, caller.ProjectId, now), cancellationToken);
        }

        return updated;
    }

    /// <summary><c>DELETE /v2/alarms/{id}</c>.</summary>
    public async Task DeleteAsync(RequestContext caller, string alarmId, CancellationToken cancellationToken)
    {
        var alarm = await access.GetAsync(caller, alarmId, A.DeleteAlarm, cancellationToken);
        await store.DeleteAsync(alarm.Value, cancellationToken);
        await store.RecordChangeAsync(
            AlarmChanges.Entry(alarm.Value, AlarmChangeTypes.Deletion, AlarmChanges.Model(alarm.Value), caller.UserId, caller.ProjectId, clock.GetUtcNow()),
            cancellationToken);
    }

    /// <summary><c>GET /v2/alarms/{id}/state</c>.</summary>
    public async Task<string> GetStateAsync(RequestContext caller, string alarmId, CancellationToken cancellationToken) =>
        (await access.GetAsync(caller, alarmId, A.GetAlarmState, cancellationToken)).Value.State;

    /// <summary><c>PUT /v2/alarms/{id}/state</c> with a bare JSON string.</summary>
    public async Task<string> SetStateAsync(RequestContext caller, string alarmId, JsonNode? body, CancellationToken cancellationToken)
    {
        var state = body is JsonValue v && v.TryGetValue(out string? text) && AlarmStates.All.Contains(text) ? text
            : throw AlarmInput.Invalid("state", body, "Value should be one of: " + string.Join(", ", AlarmStates.All));
        while (true)
        {
            var current = await access.GetAsync(caller, alarmId, A.ChangeAlarmState, cancellationToken);
            var now = clock.GetUtcNow();
            var updated = current.Value with { State = state, StateTimestamp = now, StateReason = "Manually set via API" };
            try
            {
                await store.ReplaceAsync(current, updated, cancellationToken);
            }
            catch (ConcurrencyException)
            {
                continue; // the evaluator changed it meanwhile: set it again over the fresh row
            }

            var detail = new JsonObject { ["state"] = state, ["state_reason"] = updated.StateReason };
            await store.RecordChangeAsync(AlarmChanges.Entry(updated, AlarmChangeTypes.StateTransition, detail, caller.UserId, caller.ProjectId, now), cancellationToken);
            return state;
        }
    }

    // aodh's _set_ownership: a limited caller may name only itself; an admin may create for anyone.
    private static string? Owner(JsonObject body, string field, string? caller, bool limited, string aspect)
    {
        var requested = AlarmInput.OptionalText(body, field);
        if (limited && requested is not null && requested != caller)
        {
            throw new OwnerNotAuthorizedException(aspect, requested);
        }

        return requested ?? caller;
    }
}

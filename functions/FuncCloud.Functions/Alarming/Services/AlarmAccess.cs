using FuncCloud.Functions.Alarming.Api;
using FuncCloud.Shared.Alarming;
using FuncCloud.Shared.Security;
using FuncCloud.Shared.Security.Policy;
using FuncCloud.Shared.Storage;

namespace FuncCloud.Functions.Alarming.Services;

/// <summary>
/// Finds the alarm a caller may act on (aodh's <c>_alarm(rbac_directive)</c>): a project-limited caller looks in
/// its own project only, so another project's alarm is a 404; then the policy decides on the alarm's owner.
/// </summary>
public sealed class AlarmAccess(AlarmStore store, PolicyEnforcer policy)
{
    /// <summary>True when the caller is limited to its own project (everyone but admins).</summary>
    public static bool IsProjectLimited(RequestContext caller) => !caller.IsAdmin;

    /// <summary>The alarm <paramref name="alarmId"/> after enforcing <paramref name="action"/> on it.</summary>
    /// <exception cref="AlarmNotFoundException">It does not exist or the caller may not see it.</exception>
    public async Task<Document<AlarmRecord>> GetAsync(RequestContext caller, string alarmId, string action, CancellationToken cancellationToken)
    {
        var alarm = IsProjectLimited(caller)
            ? caller.ProjectId is { } project ? await store.GetAsync(project, alarmId, cancellationToken) : null
            : await store.FindAsync(alarmId, cancellationToken);
        if (alarm is null)
        {
            throw new AlarmNotFoundException(alarmId);
        }

        policy.Enforce(action, caller, Target(alarm.Value.ProjectId, alarm.Value.UserId));
        return alarm;
    }

    /// <summary>The policy target of an alarm owned by <paramref name="projectId"/>/<paramref name="userId"/>.</summary>
    public static IReadOnlyDictionary<string, string?> Target(string? projectId, string? userId) =>
        new Dictionary<string, string?> { ["project_id"] = projectId, ["user_id"] = userId };
}

using FuncCloud.Shared.Security.Policy;

namespace FuncCloud.Functions.Alarming.Services;

/// <summary>
/// Aodh's secure-RBAC defaults (project personas): readers of the owning project read, members write, admins
/// do everything. Which alarms a caller sees at all is decided in code first (another project's alarm is a 404).
/// </summary>
public sealed class AlarmingPolicyDefaults : IPolicyDefaults
{
    private const string Reader = "role:admin or ((role:reader or role:member) and project_id:%(project_id)s)";
    private const string Member = "role:admin or (role:member and project_id:%(project_id)s)";

    /// <summary>Action names (aodh's).</summary>
    public static class Actions
    {
        public const string GetAlarm = "telemetry:get_alarm";
        public const string GetAlarms = "telemetry:get_alarms";
        public const string CreateAlarm = "telemetry:create_alarm";
        public const string ChangeAlarm = "telemetry:change_alarm";
        public const string DeleteAlarm = "telemetry:delete_alarm";
        public const string GetAlarmState = "telemetry:get_alarm_state";
        public const string ChangeAlarmState = "telemetry:change_alarm_state";
        public const string AlarmHistory = "telemetry:alarm_history";
        public const string QueryAlarm = "telemetry:query_alarm";
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> Rules { get; } = new Dictionary<string, string>
    {
        [Actions.GetAlarm] = Reader,
        [Actions.GetAlarms] = Reader,
        [Actions.CreateAlarm] = Member,
        [Actions.ChangeAlarm] = Member,
        [Actions.DeleteAlarm] = Member,
        [Actions.GetAlarmState] = Reader,
        [Actions.ChangeAlarmState] = Member,
        [Actions.AlarmHistory] = Reader,
        [Actions.QueryAlarm] = Reader,
    };
}

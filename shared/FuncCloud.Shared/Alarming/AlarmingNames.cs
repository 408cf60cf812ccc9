namespace FuncCloud.Shared.Alarming;

/// <summary>Logical table names of the alarming service (prefixed per deployment by StorageNames).</summary>
public static class AlarmingNames
{
    /// <summary>Alarms: partition = project, row = alarm id, plus the name-uniqueness rows and the id index.</summary>
    public const string AlarmsTable = "alarms";

    /// <summary>History: partition = alarm id, rows newest first.</summary>
    public const string HistoryTable = "alarmhistory";
}

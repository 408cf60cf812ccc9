namespace FuncCloud.Functions.Alarming.Api;

/// <summary>Routes of the alarming API (catalog type <c>alarming</c>, endpoint <c>/alarming</c>).</summary>
public static class AlarmingRoutes
{
    /// <summary>The service root, the catalog endpoint.</summary>
    public const string Root = "alarming";

    /// <summary>The v2 root.</summary>
    public const string V2 = Root + "/v2";

    /// <summary>The capabilities document.</summary>
    public const string Capabilities = V2 + "/capabilities";

    /// <summary>The alarms collection.</summary>
    public const string Alarms = V2 + "/alarms";

    /// <summary>One alarm.</summary>
    public const string Alarm = Alarms + "/{alarmId}";

    /// <summary>The state of one alarm.</summary>
    public const string State = Alarm + "/state";

    /// <summary>The history of one alarm.</summary>
    public const string History = Alarm + "/history";

    /// <summary>The complex query of alarms.</summary>
    public const string QueryAlarms = V2 + "/query/alarms";

    /// <summary>The path aodh puts in <c>Location</c> (relative to the endpoint).</summary>
    public static string AlarmPath(string alarmId) => "/v2/alarms/" + alarmId;
}

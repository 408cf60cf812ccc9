namespace FuncCloud.Functions.Monitor.Api;

/// <summary>Routes of the workflow monitor (host.json's routePrefix is empty).</summary>
public static class MonitorRoutes
{
    /// <summary>The web front-end.</summary>
    public const string App = "monitor";

    /// <summary>The monitor API root.</summary>
    public const string Api = "monitor/api";

    public const string Orchestrations = Api + "/orchestrations";
    public const string Orchestration = Orchestrations + "/{instanceId}";
    public const string Stats = Api + "/stats";
    public const string Purge = Api + "/purge";
    public const string Resource = Api + "/resources/{resourceType}/{resourceId}/orchestrations";
}

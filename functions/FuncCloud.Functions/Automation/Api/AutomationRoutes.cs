namespace FuncCloud.Functions.Automation.Api;

/// <summary>The automation routes (host.json's routePrefix is empty).</summary>
public static class AutomationRoutes
{
    /// <summary>The service's path prefix.</summary>
    public const string Root = "automation";

    /// <summary>A request's results.</summary>
    public const string Request = Root + "/v1/requests/{correlationId}";

    /// <summary>The envelope's JSON Schema, current version.</summary>
    public const string Schema = Root + "/schema";

    /// <summary>Version 1 of the envelope's JSON Schema.</summary>
    public const string SchemaV1 = Schema + "/v1";
}

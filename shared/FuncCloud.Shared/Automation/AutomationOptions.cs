namespace FuncCloud.Shared.Automation;

/// <summary>Queue-triggered automation, bound from <c>FuncCloud:Automation</c>.</summary>
public sealed class AutomationOptions
{
    /// <summary>
    /// The base URL operations are executed against (the host's own public endpoint). Defaults to
    /// <c>FuncCloud:Bootstrap:PublicEndpoint</c>, the URL the catalog lists.
    /// </summary>
    public string? ApiEndpoint { get; set; }

    /// <summary>How long one HTTP operation may take.</summary>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The default bound of <c>wait</c> (an envelope may ask for less or more, up to <see cref="MaxWaitTimeoutSeconds"/>).</summary>
    public int DefaultWaitTimeoutSeconds { get; set; } = 600;

    /// <summary>The largest <c>wait_timeout</c> an envelope may ask for.</summary>
    public int MaxWaitTimeoutSeconds { get; set; } = 3600;

    /// <summary>The most steps a batch may hold.</summary>
    public int MaxSteps { get; set; } = 50;
}

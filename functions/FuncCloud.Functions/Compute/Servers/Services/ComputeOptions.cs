namespace FuncCloud.Functions.Compute.Servers.Services;

/// <summary>The servers API settings, bound from <c>FuncCloud:Compute</c>.</summary>
public sealed class ComputeOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "FuncCloud:Compute";

    /// <summary>How long a workflow waits for an agent result (and the command deadline).</summary>
    public int AgentTimeoutSeconds { get; set; } = 300;

    /// <summary>How long <c>os-getConsoleOutput</c> waits for the agent before answering 409.</summary>
    public int ConsoleTimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// nova's <c>force_config_drive</c>: every new server gets a config drive (<c>config_drive</c> shows <c>"True"</c>),
    /// for clouds whose networks give guests no path to the metadata service.
    /// </summary>
    public bool ForceConfigDrive { get; set; }

    /// <summary>
    /// Seconds a boot or an interface attach waits for the node's network agent to wire the ports (nova's
    /// vif_plugging_timeout) before failing; 0 = do not wait (nova's vif_plugging_is_fatal=false).
    /// </summary>
    public int VifPluggedTimeout { get; set; } = 300;
}

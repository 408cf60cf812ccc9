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
    /// Images the servers API knows until it reads Glance's records (the image seam): id, name, min sizes
    /// and properties. Tests and <c>./funccloud up</c> seed these.
    /// </summary>
    public List<ConfiguredImage> Images { get; set; } = [];
}

/// <summary>One entry of <see cref="ComputeOptions.Images"/>.</summary>
public sealed class ConfiguredImage
{
    public string Id { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string Status { get; set; } = "active";

    public int MinDisk { get; set; }

    public int MinRam { get; set; }

    public Dictionary<string, string> Properties { get; set; } = [];
}

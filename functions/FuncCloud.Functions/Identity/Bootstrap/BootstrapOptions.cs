namespace FuncCloud.Functions.Identity.Bootstrap;

/// <summary>What the bootstrapper creates, bound from <c>FuncCloud:Bootstrap</c>.</summary>
public sealed class BootstrapOptions
{
    /// <summary>Runs the bootstrapper at startup.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The <c>admin</c> user's password (the user is not created without one).</summary>
    public string? AdminPassword { get; set; }

    /// <summary>The <c>demo</c> user's password (the user is not created without one).</summary>
    public string? DemoPassword { get; set; }

    /// <summary>
    /// The node agents' service user <c>funccloud-agent</c> (project <c>service</c>, role <c>service</c> only:
    /// enough for node registration and heartbeats, nothing else). Not created without a password.
    /// </summary>
    public string? AgentPassword { get; set; }

    /// <summary>The base URL of the public API (service paths are appended), e.g. <c>http://127.0.0.1:7071</c>.</summary>
    public string PublicEndpoint { get; set; } = "http://127.0.0.1:7071";

    /// <summary>The region of the endpoints.</summary>
    public string Region { get; set; } = "RegionOne";
}

/// <summary>
/// A service to list in the catalog: each FuncCloud service registers one in DI
/// (<c>services.AddSingleton(new CatalogServiceDefinition("compute", "nova", "compute/v2.1"))</c>).
/// </summary>
public sealed record CatalogServiceDefinition(string Type, string Name, string Path);

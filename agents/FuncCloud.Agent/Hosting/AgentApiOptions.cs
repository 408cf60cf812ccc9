namespace FuncCloud.Agent.Hosting;

/// <summary>
/// How the agent reaches the FuncCloud API for registration and heartbeat, bound from
/// <c>FuncCloud:Agent:Api</c>. Without an <see cref="Endpoint"/> the agent runs without registering.
/// </summary>
public sealed class AgentApiOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "FuncCloud:Agent:Api";

    /// <summary>The API root (e.g. <c>http://127.0.0.1:7071</c>); compute routes live under it.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The Keystone v3 root (e.g. <c>http://127.0.0.1:7071/identity/v3</c>).</summary>
    public Uri? AuthUrl { get; set; }

    /// <summary>The agent's service user.</summary>
    public string Username { get; set; } = "funccloud-agent";

    public string Password { get; set; } = string.Empty;

    public string UserDomainName { get; set; } = "Default";

    /// <summary>The project the token is scoped to (the service project).</summary>
    public string ProjectName { get; set; } = "service";

    public string ProjectDomainName { get; set; } = "Default";

    /// <summary>Re-issue the token this long before it expires.</summary>
    public TimeSpan TokenRefreshMargin { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Timeout of one API call.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(15);
}

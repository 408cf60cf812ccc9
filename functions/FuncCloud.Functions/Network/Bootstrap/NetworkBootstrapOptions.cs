namespace FuncCloud.Functions.Network.Bootstrap;

/// <summary>
/// The devstack-like networks made at start, bound from <c>FuncCloud:Bootstrap:Network</c>
/// (env: <c>FuncCloud__Bootstrap__Network__Enabled=true</c>, which <c>./funccloud up</c> sets).
/// </summary>
public sealed class NetworkBootstrapOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "FuncCloud:Bootstrap:Network";

    /// <summary>Creates the networks at start (off by default).</summary>
    public bool Enabled { get; set; }

    /// <summary>The external network's subnet (on a bridge the network agent makes on this host; nothing routes off the machine).</summary>
    public string PublicCidr { get; set; } = "172.24.4.0/24";

    /// <summary>The default IPv4 subnet pool's prefix.</summary>
    public string DefaultPoolPrefix { get; set; } = "10.100.0.0/16";

    /// <summary>The demo project's private subnet.</summary>
    public string PrivateCidr { get; set; } = "10.0.0.0/24";

    /// <summary>The project that gets <c>private</c> and <c>router1</c>.</summary>
    public string DemoProject { get; set; } = "demo";
}

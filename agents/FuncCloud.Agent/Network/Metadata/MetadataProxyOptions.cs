namespace FuncCloud.Agent.Network.Metadata;

/// <summary>Settings of the node's metadata proxy (section <c>FuncCloud:Agent:Metadata</c>).</summary>
public sealed class MetadataProxyOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "FuncCloud:Agent:Metadata";

    /// <summary>
    /// The secret shared with the controller's metadata API (its <c>FuncCloud:Metadata:SharedSecret</c>). Unset: no
    /// proxy runs, and the Linux bridge driver starts no haproxy (guests then need a config drive).
    /// </summary>
    public string? SharedSecret { get; set; }

    /// <summary>The UNIX socket the proxy listens on; default <c>&lt;StateFolder&gt;/metadata-proxy.sock</c>.</summary>
    public string? SocketPath { get; set; }

    /// <summary>How long a resolved address → instance answer is reused (neutron's metadata agent caches too).</summary>
    public TimeSpan CacheTtl { get; set; } = TimeSpan.FromSeconds(15);
}

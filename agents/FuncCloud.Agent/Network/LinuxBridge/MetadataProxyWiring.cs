using System.Globalization;

namespace FuncCloud.Agent.Network.LinuxBridge;

/// <summary>
/// The metadata path of a network (neutron's isolated metadata, always on): in the <c>qdhcp</c> namespace, the
/// DHCP port also holds 169.254.169.254, where a haproxy listens and forwards each request, tagged with the
/// network id and the guest's address (<c>X-Forwarded-For</c>), to the agent's metadata proxy socket. Its files
/// (<c>haproxy.cfg</c>, <c>haproxy.pid</c>) sit in the network's DHCP folder, so the DHCP server's clean-up removes them.
/// </summary>
public sealed class MetadataProxyWiring(NetworkCommands commands)
{
    /// <summary>The well-known metadata address, as a host route.</summary>
    public const string MetadataCidr = "169.254.169.254/32";

    /// <summary>haproxy's configuration file.</summary>
    public const string ConfigFile = "haproxy.cfg";

    /// <summary>haproxy's pid file.</summary>
    public const string PidFile = "haproxy.pid";

    /// <summary>Whether this driver serves metadata (the agent runs a proxy).</summary>
    public bool Enabled => commands.Options.MetadataProxySocket is not null;

    /// <summary>Starts (or restarts on a changed configuration) the haproxy of <paramref name="networkId"/>; stops it when disabled.</summary>
    public async Task EnsureAsync(string networkId, string ns, string folder, CancellationToken cancellationToken)
    {
        if (commands.Options.MetadataProxySocket is not { } socket)
        {
            await StopAsync(folder, cancellationToken);
            return;
        }

        var configPath = Path.Combine(folder, ConfigFile);
        var config = Config(networkId, socket, Path.Combine(folder, PidFile));
        var unchanged = File.Exists(configPath) && await File.ReadAllTextAsync(configPath, cancellationToken) == config;
        if (unchanged && DaemonProcess.RunningPid(Path.Combine(folder, PidFile), configPath) is not null)
        {
            return;
        }

        await StopAsync(folder, cancellationToken);
        await File.WriteAllTextAsync(configPath, config, cancellationToken);
        // haproxy daemonizes once it is bound: a failed bind (address missing, port taken) fails this command.
        await commands.InNamespaceAsync(ns, commands.Options.Haproxy, ["-f", configPath], cancellationToken);
    }

    /// <summary>Stops the folder's haproxy, if it runs.</summary>
    public Task StopAsync(string folder, CancellationToken cancellationToken) =>
        DaemonProcess.StopAsync(commands, Path.Combine(folder, PidFile), Path.Combine(folder, ConfigFile), cancellationToken);

    // neutron's haproxy template, reduced: one listener on the metadata address, the network named in a header the
    // guest cannot forge (any it sent is replaced), the guest's address appended to X-Forwarded-For.
    private static string Config(string networkId, string socket, string pidFile) => string.Create(CultureInfo.InvariantCulture, $"""
        global
            daemon
            pidfile {pidFile}
            maxconn 1024

        defaults
            mode http
            option http-server-close
            option forwardfor
            retries 3
            timeout http-request 30s
            timeout connect 30s
            timeout client 32s
            timeout server 32s
            timeout http-keep-alive 30s

        listen metadata
            bind {MetadataCidr[..^3]}:80
            server metadata unix@{socket}
            http-request del-header X-Neutron-Network-ID
            http-request set-header X-Neutron-Network-ID {networkId}

        """);
}

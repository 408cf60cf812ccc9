using FuncCloud.Agent.Privileged;

namespace FuncCloud.Agent.Network.LinuxBridge;

/// <summary>
/// Where the driver's commands run: "host" commands in the node's network namespace (the real host, or
/// <see cref="LinuxBridgeOptions.HostNamespace"/>), namespace commands inside a qdhcp-/qrouter- namespace, and
/// namespace management (<c>ip netns add/del/list</c>) always from the machine's root mount namespace (a
/// namespace added from inside <c>ip netns exec</c> is not visible outside it). Everything goes through
/// <see cref="HostCommand"/> as argv arrays.
/// </summary>
public sealed class NetworkCommands(HostCommand host, LinuxBridgeOptions options)
{
    /// <summary>The options the commands were built with.</summary>
    public LinuxBridgeOptions Options => options;

    /// <summary>Runs a command in the node's host namespace; throws unless it exits 0.</summary>
    public Task<HostCommandResult> HostAsync(string file, IReadOnlyList<string> args, CancellationToken cancellationToken) =>
        options.HostNamespace is { } ns ? host.RunAsync(options.Ip, ["netns", "exec", ns, file, .. args], cancellationToken) : host.RunAsync(file, args, cancellationToken);

    /// <summary>Runs a command in the node's host namespace and returns whatever it exited with.</summary>
    public Task<HostCommandResult> TryHostAsync(string file, IReadOnlyList<string> args, CancellationToken cancellationToken) =>
        options.HostNamespace is { } ns ? host.TryRunAsync(options.Ip, ["netns", "exec", ns, file, .. args], cancellationToken) : host.TryRunAsync(file, args, cancellationToken);

    /// <summary>Runs a command inside the named namespace; throws unless it exits 0.</summary>
    public Task<HostCommandResult> InNamespaceAsync(string ns, string file, IReadOnlyList<string> args, CancellationToken cancellationToken) =>
        host.RunAsync(options.Ip, ["netns", "exec", ns, file, .. args], cancellationToken);

    /// <summary>Runs a command inside the named namespace and returns whatever it exited with.</summary>
    public Task<HostCommandResult> TryInNamespaceAsync(string ns, string file, IReadOnlyList<string> args, CancellationToken cancellationToken) =>
        host.TryRunAsync(options.Ip, ["netns", "exec", ns, file, .. args], cancellationToken);

    /// <summary>Runs a command in <paramref name="ns"/>, or in the host namespace when it is null.</summary>
    public Task<HostCommandResult> InAsync(string? ns, string file, IReadOnlyList<string> args, CancellationToken cancellationToken) =>
        ns is null ? HostAsync(file, args, cancellationToken) : InNamespaceAsync(ns, file, args, cancellationToken);

    /// <summary>Runs a command in <paramref name="ns"/> (or the host namespace) and returns whatever it exited with.</summary>
    public Task<HostCommandResult> TryInAsync(string? ns, string file, IReadOnlyList<string> args, CancellationToken cancellationToken) =>
        ns is null ? TryHostAsync(file, args, cancellationToken) : TryInNamespaceAsync(ns, file, args, cancellationToken);

    /// <summary>The machine's named network namespaces.</summary>
    public async Task<IReadOnlyList<string>> ListNamespacesAsync(CancellationToken cancellationToken)
    {
        var result = await host.RunAsync(options.Ip, ["netns", "list"], cancellationToken);
        return [.. result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(line => line.Split(' ')[0])];
    }

    /// <summary>Creates the namespace unless it exists and brings its loopback up.</summary>
    public async Task EnsureNamespaceAsync(string ns, CancellationToken cancellationToken)
    {
        if (!(await ListNamespacesAsync(cancellationToken)).Contains(ns))
        {
            await host.RunAsync(options.Ip, ["netns", "add", ns], cancellationToken);
        }

        await InNamespaceAsync(ns, options.Ip, ["link", "set", "lo", "up"], cancellationToken);
    }

    /// <summary>Deletes the namespace when it exists.</summary>
    public async Task DeleteNamespaceAsync(string ns, CancellationToken cancellationToken)
    {
        if ((await ListNamespacesAsync(cancellationToken)).Contains(ns))
        {
            await host.RunAsync(options.Ip, ["netns", "del", ns], cancellationToken);
        }
    }

    /// <summary>Sends a signal to a process (dnsmasq); false when it was already gone.</summary>
    public async Task<bool> SignalAsync(int pid, string signal, CancellationToken cancellationToken) =>
        (await host.TryRunAsync("kill", ["-" + signal, pid.ToString(System.Globalization.CultureInfo.InvariantCulture)], cancellationToken)).ExitCode == 0;
}

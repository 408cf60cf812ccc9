using FuncCloud.Agent.Privileged;
using FuncCloud.Shared.Compute;

namespace FuncCloud.Agent.Compute.Libvirt;

/// <summary>
/// The libvirt calls the driver makes, through <c>virsh</c> run by <see cref="HostCommand"/> (argv arrays,
/// never a shell). virsh over libvirt.so P/Invoke: the same API, no native marshalling to get wrong, and
/// every call can be replayed by hand when debugging a node.
/// </summary>
public sealed class Virsh(HostCommand host, string uri)
{
    private const string VirshPath = "virsh";

    /// <summary>Defines (or redefines) a persistent domain from its XML file.</summary>
    public Task DefineAsync(string xmlPath, CancellationToken cancellationToken) => RunAsync(cancellationToken, "define", xmlPath);

    /// <summary>Starts a defined domain (restoring its managed save, if any).</summary>
    public Task StartAsync(string domain, CancellationToken cancellationToken) => RunAsync(cancellationToken, "start", domain);

    /// <summary>Forces a running domain off; a domain that is not running is left as is.</summary>
    public async Task DestroyAsync(string domain, CancellationToken cancellationToken)
    {
        var result = await host.TryRunAsync(VirshPath, ["-c", uri, "destroy", domain], cancellationToken);
        if (result.ExitCode != 0 && !IsNotRunning(result) && !IsMissing(result))
        {
            throw new HostCommandException($"virsh destroy {domain}", result);
        }
    }

    /// <summary>Removes the domain's definition and managed save; a missing domain succeeds.</summary>
    public async Task UndefineAsync(string domain, CancellationToken cancellationToken)
    {
        var result = await host.TryRunAsync(VirshPath, ["-c", uri, "undefine", domain, "--managed-save"], cancellationToken);
        if (result.ExitCode != 0 && !IsMissing(result))
        {
            throw new HostCommandException($"virsh undefine {domain}", result);
        }
    }

    /// <summary>Asks the guest to shut down through ACPI (the power button).</summary>
    public Task ShutdownAsync(string domain, CancellationToken cancellationToken) => RunAsync(cancellationToken, "shutdown", domain, "--mode", "acpi");

    /// <summary>Pauses the vCPUs.</summary>
    public Task SuspendAsync(string domain, CancellationToken cancellationToken) => RunAsync(cancellationToken, "suspend", domain);

    /// <summary>Resumes paused vCPUs.</summary>
    public Task ResumeAsync(string domain, CancellationToken cancellationToken) => RunAsync(cancellationToken, "resume", domain);

    /// <summary>Saves the memory to libvirt's managed save file and stops the domain.</summary>
    public Task ManagedSaveAsync(string domain, CancellationToken cancellationToken) => RunAsync(cancellationToken, "managedsave", domain);

    /// <summary>Drops a managed save, so the next start boots afresh.</summary>
    public async Task ManagedSaveRemoveAsync(string domain, CancellationToken cancellationToken) =>
        await host.TryRunAsync(VirshPath, ["-c", uri, "managedsave-remove", domain], cancellationToken);

    /// <summary>Adds a device to the definition and, when <paramref name="live"/>, to the running guest (hot-plug).</summary>
    public Task AttachDeviceAsync(string domain, string xmlPath, bool live, CancellationToken cancellationToken) =>
        RunAsync(cancellationToken, ["attach-device", domain, xmlPath, "--config", .. (live ? new[] { "--live" } : [])]);

    /// <summary>Removes a device from the definition and, when <paramref name="live"/>, asks the guest to release it.</summary>
    public Task DetachDeviceAsync(string domain, string xmlPath, bool live, CancellationToken cancellationToken) =>
        RunAsync(cancellationToken, ["detach-device", domain, xmlPath, "--config", .. (live ? new[] { "--live" } : [])]);

    /// <summary>
    /// Plugs a virtio NIC on <paramref name="bridge"/> with <paramref name="mac"/> and tap <paramref name="tap"/> into the
    /// definition and, when <paramref name="live"/>, into the running guest.
    /// </summary>
    public Task AttachInterfaceAsync(string domain, string bridge, string mac, string tap, bool live, CancellationToken cancellationToken) =>
        RunAsync(cancellationToken, AttachInterfaceArgs(domain, bridge, mac, tap, live));

    /// <summary>Unplugs the NIC with <paramref name="mac"/> from the definition and, when <paramref name="live"/>, from the guest.</summary>
    public Task DetachInterfaceAsync(string domain, string mac, bool live, CancellationToken cancellationToken) =>
        RunAsync(cancellationToken, DetachInterfaceArgs(domain, mac, live));

    /// <summary>The <c>virsh attach-interface</c> argv (after the connection URI).</summary>
    public static string[] AttachInterfaceArgs(string domain, string bridge, string mac, string tap, bool live) =>
        ["attach-interface", domain, "--type", "bridge", "--source", bridge, "--mac", mac, "--target", tap, "--model", "virtio", .. (live ? new[] { "--live" } : []), "--config"];

    /// <summary>The <c>virsh detach-interface</c> argv (after the connection URI).</summary>
    public static string[] DetachInterfaceArgs(string domain, string mac, bool live) =>
        ["detach-interface", domain, "--type", "bridge", "--mac", mac, .. (live ? new[] { "--live" } : []), "--config"];

    /// <summary>The domain's live XML (what the guest really has).</summary>
    public async Task<string> DumpXmlAsync(string domain, CancellationToken cancellationToken) =>
        (await RunAsync(cancellationToken, "dumpxml", domain)).StandardOutput;

    /// <summary>The domain's power state, or null when no such domain is defined.</summary>
    public async Task<PowerState?> StateAsync(string domain, CancellationToken cancellationToken)
    {
        var result = await host.TryRunAsync(VirshPath, ["-c", uri, "domstate", domain, "--reason"], cancellationToken);
        if (result.ExitCode != 0)
        {
            return IsMissing(result) ? null : throw new HostCommandException($"virsh domstate {domain}", result);
        }

        return ParseState(result.StandardOutput);
    }

    /// <summary>The names of every defined domain (running or not).</summary>
    public async Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken)
    {
        var result = await RunAsync(cancellationToken, "list", "--all", "--name");
        return [.. result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
    }

    /// <summary>The raw <c>virsh domstats</c> key/value pairs of one domain.</summary>
    public async Task<IReadOnlyDictionary<string, string>> StatsAsync(string domain, CancellationToken cancellationToken)
    {
        var result = await RunAsync(cancellationToken, "domstats", domain);
        var stats = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                stats[line[..equals]] = line[(equals + 1)..];
            }
        }

        return stats;
    }

    /// <summary>Every domain's <c>virsh domstats</c> in one call (domain name → keys).</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>> AllStatsAsync(CancellationToken cancellationToken) =>
        DomainStatsParser.ParseAll((await RunAsync(cancellationToken, "domstats")).StandardOutput);

    /// <summary>Maps <c>virsh domstate --reason</c> output (e.g. <c>shut off (saved)</c>) to a power state.</summary>
    public static PowerState ParseState(string output)
    {
        var text = output.Trim();
        var paren = text.IndexOf('(', StringComparison.Ordinal);
        var state = (paren >= 0 ? text[..paren] : text).Trim();
        var reason = paren >= 0 ? text[(paren + 1)..].TrimEnd(')').Trim() : string.Empty;
        return state switch
        {
            "running" or "idle" or "blocked" or "in shutdown" => PowerState.Running,
            "paused" => PowerState.Paused,
            "shut off" when reason == "saved" => PowerState.Suspended,
            "shut off" => PowerState.Shutdown,
            "crashed" => PowerState.Crashed,
            "pmsuspended" => PowerState.Suspended,
            _ => PowerState.NoState,
        };
    }

    private Task<HostCommandResult> RunAsync(CancellationToken cancellationToken, params string[] args) =>
        host.RunAsync(VirshPath, ["-c", uri, .. args], cancellationToken);

    private static bool IsMissing(HostCommandResult result) =>
        result.StandardError.Contains("failed to get domain", StringComparison.OrdinalIgnoreCase)
        || result.StandardError.Contains("Domain not found", StringComparison.OrdinalIgnoreCase);

    private static bool IsNotRunning(HostCommandResult result) =>
        result.StandardError.Contains("not running", StringComparison.OrdinalIgnoreCase);
}

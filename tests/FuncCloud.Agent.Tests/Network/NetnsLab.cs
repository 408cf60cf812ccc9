using System.Globalization;
using System.Text.RegularExpressions;
using FuncCloud.Agent.Privileged;

namespace FuncCloud.Agent.Tests.Network;

/// <summary>
/// The test's own host objects: namespaces standing for hosts, VMs and the outside world, and veths between
/// them, all named <c>fcl</c> + a kind letter + random hex so parallel tests and other engineers never collide.
/// Everything made here is deleted by <see cref="DisposeAsync"/>, also after a failure.
/// </summary>
public sealed partial class NetnsLab : IAsyncDisposable
{
    private readonly HostCommand _host = new();
    private readonly List<string> _namespaces = [];
    private readonly List<(string? Ns, string Link)> _links = [];

    /// <summary>A fresh random name: <c>fcl</c> + <paramref name="kind"/> + 8 hex characters (≤ 12, fits with suffixes in 15).</summary>
    public static string Name(char kind) => "fcl" + kind + Guid.NewGuid().ToString("N")[..8];

    /// <summary>A random locally administered MAC in OpenStack's fa:16:3e range.</summary>
    public static string Mac()
    {
        var bytes = Guid.NewGuid().ToByteArray();
        return string.Create(CultureInfo.InvariantCulture, $"fa:16:3e:{bytes[0]:x2}:{bytes[1]:x2}:{bytes[2]:x2}");
    }

    /// <summary>Creates a namespace (lo up) that this lab deletes.</summary>
    public async Task<string> NamespaceAsync(char kind)
    {
        var ns = Name(kind);
        await _host.RunAsync("ip", ["netns", "add", ns], CancellationToken.None);
        _namespaces.Add(ns);
        await InAsync(ns, "ip", "link", "set", "lo", "up");
        return ns;
    }

    /// <summary>Runs a command in <paramref name="ns"/> (null: the machine); throws unless it exits 0.</summary>
    public Task<HostCommandResult> InAsync(string? ns, string file, params string[] args) =>
        ns is null ? _host.RunAsync(file, args, CancellationToken.None) : _host.RunAsync("ip", ["netns", "exec", ns, file, .. args], CancellationToken.None);

    /// <summary>Runs a command in <paramref name="ns"/> and returns whatever it exited with.</summary>
    public Task<HostCommandResult> TryInAsync(string? ns, string file, params string[] args) =>
        ns is null ? _host.TryRunAsync(file, args, CancellationToken.None) : _host.TryRunAsync("ip", ["netns", "exec", ns, file, .. args], CancellationToken.None);

    /// <summary>
    /// A "VM": a namespace whose <c>eth0</c> carries <paramref name="mac"/>, joined by a veth whose other end is
    /// <paramref name="tap"/> in <paramref name="bridge"/> inside <paramref name="hostNs"/> (what the compute driver's tap would be).
    /// </summary>
    public async Task<string> VmAsync(string hostNs, string tap, string bridge, string mac, int mtu)
    {
        var vm = await NamespaceAsync('v');
        await InAsync(hostNs, "ip", "link", "add", tap, "type", "veth", "peer", "name", "eth0", "netns", vm);
        _links.Add((hostNs, tap));
        var m = mtu.ToString(CultureInfo.InvariantCulture);
        await InAsync(hostNs, "ip", "link", "set", tap, "master", bridge, "mtu", m, "up");
        await InAsync(vm, "ip", "link", "set", "eth0", "address", mac, "mtu", m, "up");
        return vm;
    }

    /// <summary>A veth from <paramref name="fromNs"/> (named <paramref name="name"/>) to <paramref name="toNs"/> (named <c>eth0</c> there).</summary>
    public async Task LinkAsync(string fromNs, string name, string toNs, string toName = "eth0")
    {
        await InAsync(fromNs, "ip", "link", "add", name, "type", "veth", "peer", "name", toName, "netns", toNs);
        _links.Add((fromNs, name));
        await InAsync(fromNs, "ip", "link", "set", name, "up");
        await InAsync(toNs, "ip", "link", "set", toName, "up");
    }

    /// <summary>Records a device the test made in <paramref name="ns"/> through other means, to delete it at the end.</summary>
    public void Own(string ns, string link) => _links.Add((ns, link));

    /// <summary>Runs busybox udhcpc on eth0 of <paramref name="vm"/> and returns the address it was offered.</summary>
    public async Task<string> DhcpAsync(string vm)
    {
        // -q: quit once bound (no release); -s /bin/true: do not configure anything, the test reads the offer.
        var result = await InAsync(vm, "busybox", "udhcpc", "-i", "eth0", "-f", "-q", "-n", "-t", "20", "-T", "1", "-s", "/bin/true");
        var match = LeaseRegex().Match(result.StandardOutput + result.StandardError);
        return match.Success ? match.Groups[1].Value : throw new InvalidOperationException($"udhcpc said no lease: {result.StandardOutput}{result.StandardError}");
    }

    /// <summary>True when <paramref name="address"/> answers a ping from <paramref name="ns"/> (a few tries: ARP and conntrack settle).</summary>
    public async Task<bool> PingsAsync(string ns, string address, int tries = 5)
    {
        for (var i = 0; i < tries; i++)
        {
            if ((await TryInAsync(ns, "busybox", "ping", "-c", "1", "-W", "1", address)).ExitCode == 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The machine's named namespaces.</summary>
    public async Task<IReadOnlyList<string>> MachineNamespacesAsync() =>
        [.. (await _host.RunAsync("ip", ["netns", "list"], CancellationToken.None)).StandardOutput
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(l => l.Split(' ')[0])];

    /// <summary>The interfaces in <paramref name="ns"/>.</summary>
    public async Task<IReadOnlyList<string>> LinksAsync(string ns) =>
        [.. (await InAsync(ns, "ip", "-o", "link", "show")).StandardOutput
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(':')[1].Trim().Split('@')[0])];

    /// <summary>The processes whose command line mentions <paramref name="text"/> (a state folder: its dnsmasq).</summary>
    public static IReadOnlyList<int> ProcessesMentioning(string text) =>
        [.. Directory.EnumerateDirectories("/proc").Select(Path.GetFileName).Select(n => int.TryParse(n, CultureInfo.InvariantCulture, out var pid) ? pid : 0).Where(pid => pid > 0)
            .Where(pid =>
            {
                try
                {
                    return File.ReadAllText($"/proc/{pid}/cmdline").Contains(text, StringComparison.Ordinal);
                }
                catch (IOException)
                {
                    return false;
                }
                catch (UnauthorizedAccessException)
                {
                    return false;
                }
            })];

    public async ValueTask DisposeAsync()
    {
        foreach (var (ns, link) in Enumerable.Reverse(_links))
        {
            await TryInAsync(ns, "ip", "link", "del", link);
        }

        foreach (var ns in Enumerable.Reverse(_namespaces))
        {
            await _host.TryRunAsync("ip", ["netns", "del", ns], CancellationToken.None);
        }
    }

    [GeneratedRegex(@"lease of ([0-9.]+) obtained")]
    private static partial Regex LeaseRegex();
}

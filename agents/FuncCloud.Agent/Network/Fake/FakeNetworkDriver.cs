using System.Text.Json;
using FuncCloud.Shared.Agents;
using FuncCloud.Shared.Network.Wiring;

namespace FuncCloud.Agent.Network.Fake;

/// <summary>
/// The state-only network driver (scale simulation and the dev loop): it keeps the last applied
/// <see cref="NetworkHostState"/> — in the node's state folder when given a file, like the Fake compute
/// driver keeps its instances — and reports the devices a real driver would have made for it. Its DHCP
/// servers "lease" every host entry, i.e. each port gets exactly its fixed address, as dnsmasq's host file
/// makes the real one do.
/// </summary>
public sealed class FakeNetworkDriver(string? stateFile = null) : INetworkDriver
{
    private readonly Lock _gate = new();
    private NetworkHostState? _applied;

    /// <inheritdoc />
    public string Name => "fake";

    /// <summary>The file the applied state is kept in, or null when it lives in memory only.</summary>
    public string? StateFile => stateFile;

    /// <summary>The state applied last (null before the first apply).</summary>
    public NetworkHostState? Applied
    {
        get
        {
            lock (_gate)
            {
                return _applied;
            }
        }
    }

    /// <summary>How many applies ran (tests check that a kick leads to an apply).</summary>
    public int ApplyCount { get; private set; }

    /// <summary>When set, the next applies fail with this message naming the resource (failure injection).</summary>
    public string? FailWith { get; set; }

    /// <inheritdoc />
    public Task InitHostAsync(NetworkHostConfig config, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (stateFile is not null && File.Exists(stateFile))
            {
                _applied = JsonSerializer.Deserialize<NetworkHostState>(File.ReadAllText(stateFile), AgentJson.Options);
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task ApplyAsync(NetworkHostState desired, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(desired);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            ApplyCount++;
            if (FailWith is { } failure)
            {
                throw new NetworkDriverException(failure);
            }

            _applied = desired;
            Save(desired);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<NetworkHostObserved> ObserveAsync(CancellationToken cancellationToken)
    {
        var state = Applied;
        if (state is null)
        {
            return Task.FromResult(new NetworkHostObserved([], [], [], []));
        }

        return Task.FromResult(new NetworkHostObserved(
            [.. state.Networks.Select(n => NetworkDeviceNames.Bridge(n.NetworkId)).Order(StringComparer.Ordinal)],
            [.. state.DhcpServers.Select(d => NetworkDeviceNames.DhcpNamespace(d.NetworkId)).Concat(state.Routers.Select(r => NetworkDeviceNames.RouterNamespace(r.RouterId))).Order(StringComparer.Ordinal)],
            [.. state.DhcpServers.Select(d => d.NetworkId).Order(StringComparer.Ordinal)],
            [.. state.Ports.Where(p => p.PortSecurityEnabled).Select(p => p.PortId).Order(StringComparer.Ordinal)]));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<DhcpLease>> GetLeasesAsync(string networkId, CancellationToken cancellationToken)
    {
        var server = Applied?.DhcpServers.FirstOrDefault(d => d.NetworkId == networkId);
        IReadOnlyList<DhcpLease> leases = server is null
            ? []
            : [.. server.Hosts.Select(h => new DhcpLease(h.MacAddress, h.IpAddress, h.Hostname, DateTimeOffset.MaxValue))];
        return Task.FromResult(leases);
    }

    // Called under _gate; write-then-rename, so a crash leaves the old or the new file.
    private void Save(NetworkHostState state)
    {
        if (stateFile is null)
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(stateFile)!);
        var temporary = stateFile + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(state, AgentJson.Options));
        File.Move(temporary, stateFile, overwrite: true);
    }
}

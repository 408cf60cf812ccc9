using FuncCloud.Agent.Privileged;
using FuncCloud.Shared.Compute;
using FuncCloud.Shared.Network.Wiring;

namespace FuncCloud.Agent.Compute.Libvirt;

/// <summary>Interface hot-plug (nova's <c>attach_interface</c> / <c>detach_interface</c> on libvirt).</summary>
public sealed partial class LibvirtComputeDriver
{
    public async Task AttachInterfaceAsync(string serverId, NetworkPortSpec port, CancellationToken cancellationToken)
    {
        var (instance, state) = await FindAsync(serverId, cancellationToken);
        if (instance.Ports.Any(p => p.PortId == port.PortId))
        {
            return; // a redelivered attach
        }

        if (port.BridgeName is not { } bridge || !Directory.Exists(Path.Combine("/sys/class/net", bridge)))
        {
            throw new ComputeDriverException(serverId, $"Port {port.PortId} cannot be plugged: its bridge '{port.BridgeName ?? "(none)"}' does not exist on this host.");
        }

        try
        {
            await _virsh.AttachInterfaceAsync(DomainName(serverId), bridge, port.MacAddress, NetworkDeviceNames.Tap(port.PortId), IsLive(state), cancellationToken);
        }
        catch (HostCommandException e)
        {
            throw Wrap(serverId, $"attach of port {port.PortId}", e);
        }

        (instance with { Ports = [.. instance.Ports, port] }).Save(PathsOf(serverId).State);
    }

    public async Task DetachInterfaceAsync(string serverId, NetworkPortSpec port, CancellationToken cancellationToken)
    {
        if (!IsValidId(serverId) || await _virsh.StateAsync(DomainName(serverId), cancellationToken) is not { } state
            || LibvirtInstance.Load(PathsOf(serverId).State) is not { } instance || instance.Ports.All(p => p.PortId != port.PortId))
        {
            return; // no instance or no such NIC: the guest holds nothing
        }

        try
        {
            await _virsh.DetachInterfaceAsync(DomainName(serverId), port.MacAddress, IsLive(state), cancellationToken);
        }
        catch (HostCommandException e) when (!e.Message.Contains("no matching", StringComparison.OrdinalIgnoreCase)
            && !e.Message.Contains("not found", StringComparison.OrdinalIgnoreCase))
        {
            throw Wrap(serverId, $"detach of port {port.PortId}", e);
        }

        (instance with { Ports = [.. instance.Ports.Where(p => p.PortId != port.PortId)] }).Save(PathsOf(serverId).State);
    }
}

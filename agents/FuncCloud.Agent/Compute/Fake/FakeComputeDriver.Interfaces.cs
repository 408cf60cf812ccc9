using FuncCloud.Shared.Compute;

namespace FuncCloud.Agent.Compute.Fake;

// Interfaces: the Fake hypervisor keeps the instance's VIFs in its spec (persisted with it), so a hot-plugged
// port is listed like one plugged at spawn, and a restarted agent still knows it.
public sealed partial class FakeComputeDriver
{
    public Task AttachInterfaceAsync(string serverId, NetworkPortSpec port, CancellationToken cancellationToken) =>
        MutateAsync(FakeOperation.AttachInterface, serverId, i =>
        {
            if (i.Spec.Ports.Any(p => p.MacAddress == port.MacAddress && p.PortId != port.PortId))
            {
                throw new ComputeDriverException(serverId, $"instance {serverId} already has a NIC with MAC {port.MacAddress}");
            }

            i.Spec = i.Spec with { Ports = [.. i.Spec.Ports.Where(p => p.PortId != port.PortId), port] };
        }, cancellationToken);

    public async Task DetachInterfaceAsync(string serverId, NetworkPortSpec port, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_instances.TryGetValue(serverId, out var instance) || instance.Spec.Ports.All(p => p.PortId != port.PortId))
            {
                return; // nothing holds the port
            }
        }

        await MutateAsync(FakeOperation.DetachInterface, serverId, i => i.Spec = i.Spec with { Ports = [.. i.Spec.Ports.Where(p => p.PortId != port.PortId)] }, cancellationToken);
    }

    /// <summary>The VIFs of an instance (plugged at spawn or hot-plugged); empty when it does not exist.</summary>
    public IReadOnlyList<NetworkPortSpec> Interfaces(string serverId)
    {
        lock (_gate)
        {
            return _instances.TryGetValue(serverId, out var instance) ? [.. instance.Spec.Ports] : [];
        }
    }
}

using FuncCloud.Durable.Compute.Networking;
using FuncCloud.Durable.Compute.Workflows;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Durable.Compute.Activities;

/// <summary>Releases one port of a server: deleted when made for it, unbound when the user's.</summary>
public sealed class ReleaseServerPort(IServerPorts ports)
{
    [Function(nameof(ReleaseServerPort))]
    public Task RunAsync([ActivityTrigger] ReleaseServerPortInput input, CancellationToken cancellationToken) =>
        ports.ReleasePortAsync(input.ServerId, input.PortId, cancellationToken);
}

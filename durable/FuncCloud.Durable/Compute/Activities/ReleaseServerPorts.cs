using FuncCloud.Durable.Compute.Networking;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Durable.Compute.Activities;

/// <summary>Deletes the ports made for a server and unbinds the user's own (nova's deallocate_for_instance).</summary>
public sealed class ReleaseServerPorts(IServerPorts ports)
{
    [Function(nameof(ReleaseServerPorts))]
    public Task RunAsync([ActivityTrigger] string serverId, CancellationToken cancellationToken) =>
        ports.ReleaseAsync(serverId, cancellationToken);
}

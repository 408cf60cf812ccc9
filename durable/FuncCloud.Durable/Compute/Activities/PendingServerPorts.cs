using FuncCloud.Durable.Compute.Networking;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Durable.Compute.Activities;

/// <summary>The ports of a list that are not ACTIVE yet (a workflow waiting for network-vif-plugged re-checks with it).</summary>
public sealed class PendingServerPorts(IServerPorts ports)
{
    [Function(nameof(PendingServerPorts))]
    public Task<IReadOnlyList<string>> RunAsync([ActivityTrigger] IReadOnlyList<string> portIds, CancellationToken cancellationToken) =>
        ports.PendingAsync(portIds, cancellationToken);
}

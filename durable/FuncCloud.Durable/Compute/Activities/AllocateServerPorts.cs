using FuncCloud.Durable.Compute.Networking;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Durable.Compute.Activities;

/// <summary>Creates and binds a scheduled server's ports before its spawn (nova's allocate_for_instance).</summary>
public sealed class AllocateServerPorts(IServerPorts ports)
{
    [Function(nameof(AllocateServerPorts))]
    public Task<AllocatePortsOutcome> RunAsync([ActivityTrigger] AllocatePortsInput input, CancellationToken cancellationToken) =>
        ports.AllocateAsync(input, cancellationToken);
}

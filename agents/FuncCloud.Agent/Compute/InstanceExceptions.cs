using FuncCloud.Shared.Agents;
using FuncCloud.Shared.Compute;

namespace FuncCloud.Agent.Compute;

/// <summary>The server has no instance on this host.</summary>
public sealed class InstanceNotFoundException(string serverId)
    : ComputeDriverException(serverId, $"Instance {serverId} was not found on this host.")
{
    public override string FaultCode => AgentFaultCodes.InstanceNotFound;
}

/// <summary>The server already has an instance on this host.</summary>
public sealed class InstanceExistsException(string serverId)
    : ComputeDriverException(serverId, $"Instance {serverId} already exists on this host.")
{
    public override string FaultCode => AgentFaultCodes.InstanceExists;
}

/// <summary>The instance's power state does not allow the operation.</summary>
public sealed class InstanceInvalidStateException(string serverId, string operation, PowerState actual)
    : ComputeDriverException(serverId, $"Cannot {operation} instance {serverId} while it is {actual}.")
{
    /// <summary>The state the instance was in.</summary>
    public PowerState Actual { get; } = actual;

    public override string FaultCode => AgentFaultCodes.InvalidState;
}

/// <summary>The host lacks a resource the instance needs.</summary>
public sealed class InsufficientResourcesException(string serverId, string resourceClass, int requested, int free)
    : ComputeDriverException(serverId, $"Instance {serverId} needs {requested} {resourceClass} but the host has {free} free.")
{
    public override string FaultCode => AgentFaultCodes.InsufficientResources;
}

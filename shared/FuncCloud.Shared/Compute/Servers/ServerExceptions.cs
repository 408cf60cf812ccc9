using FuncCloud.Shared.OpenStack.Errors;
using Microsoft.AspNetCore.Http;

namespace FuncCloud.Shared.Compute.Servers;

/// <summary>404: no server with this id is visible to the caller (nova's InstanceNotFound).</summary>
public sealed class ServerNotFoundException(string serverId)
    : OpenStackException(StatusCodes.Status404NotFound, "Not Found", $"Instance {serverId} could not be found.")
{
    public string ServerId { get; } = serverId;
}

/// <summary>409: the action is not allowed in the server's current vm_state/task_state (nova's InstanceInvalidState).</summary>
public sealed class ServerStateConflictException(string serverId, string action, string attribute, string? state)
    : OpenStackException(StatusCodes.Status409Conflict, "Conflict", $"Cannot '{action}' instance {serverId} while it is in {attribute} {state ?? "None"}")
{
    public string ServerId { get; } = serverId;
}

/// <summary>409: the server is locked and the caller may not override the lock (nova's InstanceIsLocked).</summary>
public sealed class ServerLockedException(string serverId)
    : OpenStackException(StatusCodes.Status409Conflict, "Conflict", $"Instance {serverId} is locked")
{
    public string ServerId { get; } = serverId;
}

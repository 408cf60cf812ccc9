namespace FuncCloud.Shared.Agents;

/// <summary>The <see cref="AgentFault.Code"/> values.</summary>
public static class AgentFaultCodes
{
    /// <summary>The server does not exist on the node.</summary>
    public const string InstanceNotFound = "InstanceNotFound";

    /// <summary>The server already exists with a different definition.</summary>
    public const string InstanceExists = "InstanceExists";

    /// <summary>The server's power state does not allow the operation.</summary>
    public const string InvalidState = "InvalidState";

    /// <summary>The node lacks the resources (the scheduler over-committed it).</summary>
    public const string InsufficientResources = "InsufficientResources";

    /// <summary>The hypervisor or a driver step failed.</summary>
    public const string DriverError = "DriverError";

    /// <summary>The volume or snapshot does not exist on the storage node's backend.</summary>
    public const string VolumeNotFound = "VolumeNotFound";

    /// <summary>The command arrived after its deadline and was not started.</summary>
    public const string DeadlineExceeded = "DeadlineExceeded";

    /// <summary>The payload does not match the kind or is malformed.</summary>
    public const string InvalidCommand = "InvalidCommand";

    /// <summary>This agent does not know the command kind (it is older than the control plane).</summary>
    public const string UnsupportedCommand = "UnsupportedCommand";

    /// <summary>An unexpected agent error; the detail says what.</summary>
    public const string Unexpected = "Unexpected";
}

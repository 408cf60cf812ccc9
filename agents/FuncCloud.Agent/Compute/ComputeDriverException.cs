using FuncCloud.Shared.Agents;

namespace FuncCloud.Agent.Compute;

/// <summary>A compute driver operation failed; <see cref="FaultCode"/> says how to report it.</summary>
public class ComputeDriverException(string serverId, string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The server the operation was for.</summary>
    public string ServerId { get; } = serverId;

    /// <summary>The <see cref="AgentFaultCodes"/> value this failure maps to.</summary>
    public virtual string FaultCode => AgentFaultCodes.DriverError;
}

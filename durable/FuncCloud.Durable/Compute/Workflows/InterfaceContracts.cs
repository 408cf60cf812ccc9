using FuncCloud.Shared.Compute;

namespace FuncCloud.Durable.Compute.Workflows;

/// <summary>Input of the interface attach/detach workflows.</summary>
/// <param name="ServerId">The server.</param>
/// <param name="RequestId">The request (instance action) id.</param>
/// <param name="Node">The server's node.</param>
/// <param name="Port">The VIF, as bound to the node by the API.</param>
/// <param name="VifPluggedTimeoutSeconds">How long an attach waits for network-vif-plugged (0: it does not wait).</param>
/// <param name="AgentTimeoutSeconds">How long it waits for the compute agent.</param>
public sealed record InterfaceWorkflowInput(string ServerId, string RequestId, string Node, NetworkPortSpec Port, int VifPluggedTimeoutSeconds, int AgentTimeoutSeconds);

/// <summary>Output of the interface workflows: null on success, else what failed (nova's <c>InterfaceAttachFailed</c>/<c>InterfaceDetachFailed</c> reason).</summary>
public sealed record InterfaceWorkflowOutcome(string? Error);

/// <summary>Input of <c>FinishInterfaceAction</c>: the instance action event to close and the workflow that ran it.</summary>
public sealed record FinishInterfaceActionInput(string ServerId, string RequestId, string Step, string Node, string InstanceId, string? Error);

/// <summary>Input of <c>ReleaseServerPort</c>: one port of a server.</summary>
public sealed record ReleaseServerPortInput(string ServerId, string PortId);

/// <summary>Instance action names and steps of os-interface (nova's).</summary>
public static class InterfaceActions
{
    public const string Attach = "attach_interface";
    public const string Detach = "detach_interface";
    public const string AttachStep = "compute_attach_interface";
    public const string DetachStep = "compute_detach_interface";
}

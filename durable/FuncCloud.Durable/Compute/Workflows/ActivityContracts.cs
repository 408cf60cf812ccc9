using FuncCloud.Shared.Agents;
using FuncCloud.Shared.Compute.Servers;

namespace FuncCloud.Durable.Compute.Workflows;

/// <summary>Input of <c>ScheduleServer</c>.</summary>
public sealed record ScheduleServerInput(string ServerId, string RequestId, IReadOnlyDictionary<string, string> ImageProperties, string? ForcedHost);

/// <summary>Output of <c>ScheduleServer</c>: a node with a claim, or the NoValidHost reason, or a delete that came first.</summary>
public sealed record ScheduleServerOutcome(string? Node, string? AvailabilityZone, string? Reason, string? DeleteRequestId);

/// <summary>Input of <c>BeginSpawn</c>: place the server on its node and send the spawn.</summary>
public sealed record BeginSpawnInput(string ServerId, string RequestId, string Node, string? AvailabilityZone, AgentCommand Command);

/// <summary>Input of <c>DispatchCommand</c>: record the step as started and send the command.</summary>
public sealed record DispatchCommandInput(string ServerId, string RequestId, string Step, string Node, AgentCommand Command);

/// <summary>Input of <c>CompleteServerStep</c>: the agent succeeded.</summary>
public sealed record CompleteStepInput(
    string ServerId, string RequestId, string Action, string Step, string Host, AgentResult Result, ServerFlavor? NewFlavor, string? NewImageId);

/// <summary>What the server workflow does next: done, or a delete is waiting (its request id).</summary>
public sealed record StepOutcome(bool Completed, string? DeleteRequestId);

/// <summary>Input of <c>FailServerStep</c>: the step failed; the server rests in ERROR (or keeps its state).</summary>
/// <param name="ServerId">The server.</param>
/// <param name="RequestId">The action.</param>
/// <param name="Step">The failed step (its event gets Error and the traceback), or null when already recorded.</param>
/// <param name="Host">The node, if any.</param>
/// <param name="Fault">The server's fault.</param>
/// <param name="Traceback">The detail for the event.</param>
/// <param name="KeepVmState">True: only clear the task (nova's behaviour for a resize that found no room).</param>
public sealed record FailStepInput(string ServerId, string RequestId, string? Step, string? Host, ServerFault Fault, string? Traceback, bool KeepVmState = false);

/// <summary>Input of <c>ReleaseClaims</c>: one consumer on one node, or (Node null) the server everywhere.</summary>
public sealed record ReleaseClaimsInput(string ServerId, string? Node, string? Consumer);

/// <summary>Input of <c>ClaimResize</c>.</summary>
public sealed record ClaimResizeInput(string ServerId, string RequestId, string Host, ServerFlavor NewFlavor);

/// <summary>Input of <c>FinishDelete</c>.</summary>
public sealed record FinishDeleteInput(string ServerId, string RequestId, string? Host, string? Details);

/// <summary>Input of <c>AdvanceTaskState</c>: moves the server from one task_state to the next, if it is still in the first.</summary>
public sealed record AdvanceTaskStateInput(string ServerId, string ExpectedTaskState, string TaskState);

/// <summary>Input of <c>DiscardSnapshotImage</c>: the image of a failed snapshot.</summary>
public sealed record DiscardSnapshotImageInput(string ServerId, string ImageId);

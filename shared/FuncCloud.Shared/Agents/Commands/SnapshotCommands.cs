namespace FuncCloud.Shared.Agents.Commands;

/// <summary>
/// Snapshot an instance's root disk into the queued Glance image <paramref name="ImageId"/> (nova's
/// <c>snapshot_instance</c>): the driver writes the disk, the agent streams it to
/// <c>PUT /image/v2/images/{ImageId}/file</c> with its own credential. The instance keeps its power state; the
/// output is the usual <see cref="InstanceStateOutput"/>. Idempotent: if the image is already active (a
/// redelivered command whose upload finished), the agent reports success without snapshotting again.
/// </summary>
/// <param name="ServerId">The server.</param>
/// <param name="ImageId">The image the control plane created (status <c>queued</c>).</param>
public sealed record SnapshotCommand(string ServerId, string ImageId) : IAgentCommandPayload
{
    public static string Kind => AgentCommandKinds.Snapshot;
}

namespace FuncCloud.Shared.Agents.Commands;

/// <summary>
/// Hot-plug an exported volume into a server on its compute node (nova's <c>attach_volume</c>). Idempotent: a volume
/// already attached at the device is success. Output: the usual <see cref="InstanceStateOutput"/>.
/// </summary>
/// <param name="ServerId">The server.</param>
/// <param name="VolumeId">The volume.</param>
/// <param name="Device">The guest device, e.g. <c>/dev/vdb</c>.</param>
/// <param name="Connection">How to reach the volume (from the storage node's export).</param>
public sealed record AttachVolumeCommand(string ServerId, string VolumeId, string Device, VolumeConnectionInfo Connection) : IAgentCommandPayload
{
    public static string Kind => AgentCommandKinds.AttachVolume;
}

/// <summary>Unplug a volume from a server (nova's <c>detach_volume</c>); a volume not attached is success.</summary>
public sealed record DetachVolumeCommand(string ServerId, string VolumeId) : IAgentCommandPayload
{
    public static string Kind => AgentCommandKinds.DetachVolume;
}

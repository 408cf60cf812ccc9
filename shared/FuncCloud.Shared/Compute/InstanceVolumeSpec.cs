using FuncCloud.Shared.Agents.Commands;

namespace FuncCloud.Shared.Compute;

/// <summary>A volume a booting instance holds from the start (nova's volume block device mapping at spawn).</summary>
/// <param name="VolumeId">The Cinder volume.</param>
/// <param name="Device">The guest device (<c>/dev/vda</c> for the root volume).</param>
/// <param name="Boot">True for the root disk (boot index 0): the driver boots from it instead of an image.</param>
/// <param name="Connection">How this node reaches it (the storage node's export).</param>
public sealed record InstanceVolumeSpec(string VolumeId, string Device, bool Boot, VolumeConnectionInfo Connection);

namespace FuncCloud.Shared.Compute.Servers;

/// <summary>A volume attached to a server (nova's volume block device mapping).</summary>
/// <param name="VolumeId">The Cinder volume.</param>
/// <param name="Device">The guest device, e.g. <c>/dev/vdb</c>.</param>
/// <param name="DeleteOnTermination">Whether deleting the server deletes the volume.</param>
/// <param name="Attached">False while the attach workflow runs (the device is reserved).</param>
public sealed record ServerVolumeAttachment(string VolumeId, string Device, bool DeleteOnTermination, bool Attached);

namespace FuncCloud.Shared.Compute;

/// <summary>Everything a compute driver needs to build (or rebuild) an instance.</summary>
/// <param name="ServerId">The Nova server id; the only id of the instance that leaves the driver.</param>
/// <param name="Name">The server's display name (becomes the guest hostname where supported).</param>
/// <param name="Flavor">The sizes.</param>
/// <param name="Image">The boot image.</param>
/// <param name="UserData">Base64 user data for the config drive / metadata service, or null.</param>
/// <param name="Metadata">The server's metadata key/value pairs.</param>
/// <param name="Ports">The ports to plug; empty for <c>--nic none</c>.</param>
/// <param name="Volumes">The volumes of a boot from volume (already exported to this node); null or empty for an image boot.</param>
/// <param name="ConfigDrive">The server was created with <c>config_drive</c> (or the cloud forces one): the guest gets a
/// <c>config-2</c> ISO9660 drive.</param>
/// <param name="ConfigDriveFiles">The drive's files, filled by the agent from the control plane just before the spawn
/// (never in the queued command: user data alone may exceed a queue message).</param>
public sealed record InstanceSpec(
    string ServerId,
    string Name,
    FlavorSpec Flavor,
    ImageSpec Image,
    string? UserData,
    IReadOnlyDictionary<string, string> Metadata,
    IReadOnlyList<NetworkPortSpec> Ports,
    IReadOnlyList<InstanceVolumeSpec>? Volumes = null,
    bool ConfigDrive = false,
    IReadOnlyList<ConfigDriveFile>? ConfigDriveFiles = null)
{
    /// <summary>The volume the instance boots from (boot index 0), or null when it boots from its image.</summary>
    public InstanceVolumeSpec? BootVolume => Volumes?.FirstOrDefault(v => v.Boot);
}

/// <summary>One file of a config drive.</summary>
/// <param name="Path">The path inside the drive, '/'-separated and relative (<c>openstack/latest/meta_data.json</c>).</param>
/// <param name="Content">The bytes, base64.</param>
public sealed record ConfigDriveFile(string Path, string Content);

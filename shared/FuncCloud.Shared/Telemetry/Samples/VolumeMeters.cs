using FuncCloud.Shared.Volume.Volumes;

namespace FuncCloud.Shared.Telemetry.Samples;

/// <summary>The event meter of block storage (ceilometer's <c>volume.size</c> from <c>volume.create.end</c> / <c>resize.end</c> / <c>delete.end</c>).</summary>
public static class VolumeMeters
{
    /// <summary>The volume's size in GB, owned by its project; <paramref name="endedAt"/> when it was deleted.</summary>
    public static Sample Size(VolumeRecord volume, DateTimeOffset at, DateTimeOffset? endedAt = null) =>
        Meters.Of(Meters.VolumeSize, volume.Size, at, volume.Id, "volume") with
        {
            ProjectId = volume.ProjectId,
            UserId = volume.UserId,
            EndedAt = endedAt,
            Attributes = new Dictionary<string, string?> { ["display_name"] = volume.Name, ["volume_type"] = volume.VolumeTypeName },
        };
}

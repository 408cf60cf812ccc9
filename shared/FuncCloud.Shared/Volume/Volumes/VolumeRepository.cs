namespace FuncCloud.Shared.Volume.Volumes;

/// <summary>Volumes in <see cref="VolumeTable"/>: one partition per project, every change a compare-and-swap.</summary>
public sealed class VolumeRepository(VolumeTable table)
    : ProjectScopedRepository<VolumeRecord>(table, Kind, VolumeTable.Volumes, v => (v.ProjectId, v.Id))
{
    private const string Kind = "volume";
}

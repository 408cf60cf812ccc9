namespace FuncCloud.Shared.Volume.Snapshots;

/// <summary>Snapshots in <see cref="VolumeTable"/>: one partition per project, every change a compare-and-swap.</summary>
public sealed class SnapshotRepository(VolumeTable table)
    : ProjectScopedRepository<SnapshotRecord>(table, Kind, VolumeTable.Snapshots, s => (s.ProjectId, s.Id))
{
    private const string Kind = "snapshot";
}

namespace FuncCloud.Shared.Volume.Backups;

/// <summary>Backups in <see cref="VolumeTable"/>: one partition per project, every change a compare-and-swap.</summary>
public sealed class BackupRepository(VolumeTable table)
    : ProjectScopedRepository<BackupRecord>(table, Kind, VolumeTable.Backups, b => (b.ProjectId, b.Id))
{
    /// <summary>The index kind of backups.</summary>
    public const string Kind = "backup";
}

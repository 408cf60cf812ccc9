using FuncCloud.Shared.Rating;

namespace FuncCloud.Shared.Volume.Volumes;

/// <summary>
/// Volumes in <see cref="VolumeTable"/>: one partition per project, every change a compare-and-swap. Each volume's
/// usage lifecycle (created, extended, deleted) follows its record into <see cref="ResourceUsageIndex"/>.
/// </summary>
public sealed class VolumeRepository(VolumeTable table, ResourceUsageIndex usage, TimeProvider clock)
    : ProjectScopedRepository<VolumeRecord>(table, Kind, VolumeTable.Volumes, v => (v.ProjectId, v.Id))
{
    private const string Kind = "volume";

    /// <inheritdoc />
    protected override Task OnChangedAsync(VolumeRecord? before, VolumeRecord? after, CancellationToken cancellationToken) => (before, after) switch
    {
        // A volume is billed from its creation at its size until its record is gone.
        (null, { } created) => usage.StartAsync(UsageKinds.Volume, created.ProjectId, created.Id, created.Name, created.Size, created.CreatedAt, cancellationToken),
        ({ } old, { } changed) when old.Size != changed.Size =>
            usage.ChangeAsync(UsageKinds.Volume, changed.ProjectId, changed.Id, changed.Size, clock.GetUtcNow(), cancellationToken),
        ({ } deleted, null) => usage.EndAsync(UsageKinds.Volume, deleted.ProjectId, deleted.Id, clock.GetUtcNow(), cancellationToken),
        _ => Task.CompletedTask,
    };
}

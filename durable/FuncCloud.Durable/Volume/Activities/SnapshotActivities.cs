using FuncCloud.Durable.Volume.Workflows;
using FuncCloud.Shared.Volume.Quotas;
using FuncCloud.Shared.Volume.Snapshots;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Durable.Volume.Activities;

/// <summary>Input of <see cref="SettleSnapshot"/>.</summary>
public sealed record SettleSnapshotInput(string SnapshotId, string ProjectId, string ExpectedStatus, string Status, DateTimeOffset At);

/// <summary>Ends a snapshot step (a compare-and-swap that applies only while the snapshot is in the step's status).</summary>
public sealed class SettleSnapshot(SnapshotRepository snapshots)
{
    [Function(nameof(SettleSnapshot))]
    public async Task<bool> RunAsync([ActivityTrigger] SettleSnapshotInput input, CancellationToken cancellationToken)
    {
        var applied = false;
        await snapshots.UpdateAsync(input.ProjectId, input.SnapshotId, s =>
        {
            applied = s.Status == input.ExpectedStatus || s.Status == input.Status;
            return s.Status == input.ExpectedStatus ? s with { Status = input.Status, UpdatedAt = input.At } : s;
        }, cancellationToken);
        return applied;
    }
}

/// <summary>Removes a deleting snapshot and releases its quota (only the attempt that removed it releases).</summary>
public sealed class FinishSnapshotDelete(SnapshotRepository snapshots, VolumeQuotaService quotas)
{
    [Function(nameof(FinishSnapshotDelete))]
    public async Task RunAsync([ActivityTrigger] SnapshotWorkflowInput input, CancellationToken cancellationToken)
    {
        if (await snapshots.GetAsync(input.ProjectId, input.SnapshotId, cancellationToken) is { } snapshot
            && await snapshots.DeleteAsync(input.ProjectId, input.SnapshotId, cancellationToken))
        {
            await quotas.ReleaseAsync(input.ProjectId, new VolumeUsage(0, snapshot.Size, 1, 0, 0), cancellationToken);
        }
    }
}

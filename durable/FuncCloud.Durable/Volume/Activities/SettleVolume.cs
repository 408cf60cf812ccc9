using FuncCloud.Shared.Telemetry.Samples;
using FuncCloud.Shared.Volume.Messages;
using FuncCloud.Shared.Volume.Pools;
using FuncCloud.Shared.Volume.Volumes;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Durable.Volume.Activities;

/// <summary>
/// Input of <see cref="SettleVolume"/>: the status to leave a volume in once a workflow step ends, from the
/// status the step put it in; the pool it now lives on; its size; and a user message when the step failed.
/// </summary>
public sealed record SettleVolumeInput(
    string VolumeId,
    string ProjectId,
    string RequestId,
    string ExpectedStatus,
    string Status,
    string? Host,
    int? SizeGb,
    string? MessageId,
    string? EventId,
    string? UserMessage,
    DateTimeOffset At);

/// <summary>
/// Ends a volume step: the status (and host/size) change is a compare-and-swap that only applies while the
/// volume is still in the step's status; a failure also records a user message naming the cause. False when
/// the volume is gone or was moved on by someone else (an admin's reset), so the workflow compensates.
/// </summary>
public sealed class SettleVolume(VolumeRepository volumes, VolumeMessageRepository messages, IMeterEmitter? meters = null)
{
    [Function(nameof(SettleVolume))]
    public async Task<bool> RunAsync([ActivityTrigger] SettleVolumeInput input, CancellationToken cancellationToken)
    {
        var applied = false;
        await volumes.UpdateAsync(input.ProjectId, input.VolumeId, v =>
        {
            applied = v.Status == input.ExpectedStatus || (v.Status == input.Status && v.Host == (input.Host ?? v.Host));
            return v.Status == input.ExpectedStatus
                ? v with { Status = input.Status, Host = input.Host ?? v.Host, Size = input.SizeGb ?? v.Size, UpdatedAt = input.At }
                : v;
        }, cancellationToken);
        if (input.UserMessage is not null && input.MessageId is not null)
        {
            await messages.AddAsync(new VolumeMessageRecord(
                input.MessageId, input.ProjectId, input.EventId ?? VolumeMessageEvents.ScheduleAllocateVolume,
                input.UserMessage, "ERROR", "VOLUME", input.VolumeId, input.RequestId, input.At, input.At.AddDays(30)), cancellationToken);
        }

        // Metered when the step leaves the volume usable (created, extended, restored): its size from now on.
        if (applied && meters is not null && input.Status is VolumeStatus.Available or VolumeStatus.InUse
            && await volumes.GetAsync(input.ProjectId, input.VolumeId, cancellationToken) is { } settled)
        {
            await meters.EmitAsync([VolumeMeters.Size(settled, input.At)], cancellationToken);
        }

        return applied;
    }
}

/// <summary>Input of <see cref="ReleasePoolClaim"/>.</summary>
public sealed record ReleasePoolClaimInput(string Pool, string ConsumerId);

/// <summary>Compensation: gives a claim back to its pool (missing claims are fine).</summary>
public sealed class ReleasePoolClaim(StoragePoolRepository pools)
{
    [Function(nameof(ReleasePoolClaim))]
    public Task RunAsync([ActivityTrigger] ReleasePoolClaimInput input, CancellationToken cancellationToken) =>
        pools.ReleaseAsync(input.Pool, input.ConsumerId, cancellationToken);
}

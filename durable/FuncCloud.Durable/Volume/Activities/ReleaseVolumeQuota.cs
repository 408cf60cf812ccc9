using FuncCloud.Shared.Volume.Quotas;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Durable.Volume.Activities;

/// <summary>Input of <see cref="ReleaseVolumeQuota"/>.</summary>
public sealed record ReleaseVolumeQuotaInput(string ProjectId, VolumeUsage Usage);

/// <summary>Compensation: gives reserved quota back.</summary>
public sealed class ReleaseVolumeQuota(VolumeQuotaService quotas)
{
    [Function(nameof(ReleaseVolumeQuota))]
    public Task RunAsync([ActivityTrigger] ReleaseVolumeQuotaInput input, CancellationToken cancellationToken) =>
        quotas.ReleaseAsync(input.ProjectId, input.Usage, cancellationToken);
}

using FuncCloud.Shared.Storage;
using FuncCloud.Shared.Volume.Api;
using Microsoft.Extensions.Options;

namespace FuncCloud.Shared.Volume.Quotas;

/// <summary>
/// Cinder's quotas: limits are the configured defaults overlaid with per-project overrides; usage is a
/// per-project counter document reserved (checked against the limits) by compare-and-swap before a resource
/// is created and released when it is deleted, so no list is ever counted.
/// </summary>
public sealed class VolumeQuotaService(VolumeTable table, IOptions<VolumeQuotaOptions> options)
{
    /// <summary>The configured defaults.</summary>
    public IReadOnlyDictionary<string, int> Defaults => VolumeQuotaResources.Defaults(options.Value);

    /// <summary>The effective limits of <paramref name="projectId"/>.</summary>
    public async Task<IReadOnlyDictionary<string, int>> GetLimitsAsync(string projectId, CancellationToken cancellationToken)
    {
        var limits = new Dictionary<string, int>(Defaults);
        if (await table.Documents.GetAsync<VolumeQuotaOverrides>(VolumeTable.Quotas, projectId, cancellationToken) is { } overrides)
        {
            foreach (var (name, value) in overrides.Value.Limits)
            {
                limits[name] = value;
            }
        }

        return limits;
    }

    /// <summary>The usage of <paramref name="projectId"/>.</summary>
    public async Task<VolumeUsage> GetUsageAsync(string projectId, CancellationToken cancellationToken) =>
        (await table.Documents.GetAsync<VolumeUsage>(VolumeTable.Usage, projectId, cancellationToken))?.Value ?? VolumeUsage.None;

    /// <summary>Sets limits of <paramref name="projectId"/> (the others keep their value).</summary>
    public async Task SetLimitsAsync(string projectId, IReadOnlyDictionary<string, int> limits, CancellationToken cancellationToken) =>
        await table.Documents.UpsertAsync<VolumeQuotaOverrides>(VolumeTable.Quotas, projectId, current =>
        {
            var merged = new Dictionary<string, int>(current?.Limits ?? new Dictionary<string, int>());
            foreach (var (name, value) in limits)
            {
                merged[name] = value;
            }

            return new VolumeQuotaOverrides(merged);
        }, VolumeTable.Retry, cancellationToken);

    /// <summary>Drops the overrides of <paramref name="projectId"/> (back to the defaults).</summary>
    public Task ResetLimitsAsync(string projectId, CancellationToken cancellationToken) =>
        table.Documents.DeleteAsync(VolumeTable.Quotas, projectId, null, cancellationToken);

    /// <summary>Reserves <paramref name="delta"/> for <paramref name="projectId"/>.</summary>
    /// <exception cref="VolumeOverLimitException">A limit would be exceeded; the message names the quota.</exception>
    public async Task ReserveAsync(string projectId, VolumeUsage delta, CancellationToken cancellationToken)
    {
        var limits = await GetLimitsAsync(projectId, cancellationToken);
        if (limits[VolumeQuotaResources.PerVolumeGigabytes] is var perVolume and >= 0 && delta.Volumes > 0 && delta.Gigabytes > perVolume)
        {
            throw new VolumeOverLimitException(VolumeQuotaResources.PerVolumeGigabytes, $"Requested volume size {delta.Gigabytes}G is larger than maximum allowed limit {perVolume}G.");
        }

        await table.Documents.UpsertAsync<VolumeUsage>(VolumeTable.Usage, projectId, current =>
        {
            var usage = current ?? VolumeUsage.None;
            Check(VolumeQuotaResources.Volumes, usage.Volumes, delta.Volumes, limits, (allowed, _) => $"Maximum number of volumes allowed ({allowed}) exceeded for quota 'volumes'.");
            Check(VolumeQuotaResources.Snapshots, usage.Snapshots, delta.Snapshots, limits, (allowed, _) => $"Maximum number of snapshots allowed ({allowed}) exceeded for quota 'snapshots'.");
            Check(VolumeQuotaResources.Backups, usage.Backups, delta.Backups, limits, (allowed, _) => $"Maximum number of backups allowed ({allowed}) exceeded for quota 'backups'.");
            Check(VolumeQuotaResources.Gigabytes, usage.Gigabytes, delta.Gigabytes, limits, (allowed, consumed) =>
                $"Requested volume or snapshot exceeds allowed gigabytes quota. Requested {delta.Gigabytes}G, quota is {allowed}G and {consumed}G has been consumed.");
            Check(VolumeQuotaResources.BackupGigabytes, usage.BackupGigabytes, delta.BackupGigabytes, limits, (allowed, consumed) =>
                $"Requested backup exceeds allowed Backup gigabytes quota. Requested {delta.BackupGigabytes}G, quota is {allowed}G and {consumed}G has been consumed.");
            return usage.Add(delta);
        }, VolumeTable.Retry, cancellationToken);
    }

    /// <summary>Releases <paramref name="delta"/> of <paramref name="projectId"/>.</summary>
    public Task ReleaseAsync(string projectId, VolumeUsage delta, CancellationToken cancellationToken) =>
        table.Documents.UpsertAsync<VolumeUsage>(VolumeTable.Usage, projectId, current => (current ?? VolumeUsage.None).Add(delta.Negate()), VolumeTable.Retry, cancellationToken);

    private static void Check(string resource, int used, int requested, IReadOnlyDictionary<string, int> limits, Func<int, int, string> message)
    {
        if (requested > 0 && limits[resource] is var limit and >= 0 && used + requested > limit)
        {
            throw new VolumeOverLimitException(resource, message(limit, used));
        }
    }
}

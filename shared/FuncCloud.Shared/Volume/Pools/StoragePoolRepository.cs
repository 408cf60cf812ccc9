using FuncCloud.Shared.Storage;

namespace FuncCloud.Shared.Volume.Pools;

/// <summary>Storage pools in <see cref="VolumeTable"/>; claims are compare-and-swaps on the pool document.</summary>
public sealed class StoragePoolRepository(VolumeTable table, TimeProvider clock)
{
    /// <summary>Every pool.</summary>
    public async Task<IReadOnlyList<StoragePoolRecord>> ListAsync(CancellationToken cancellationToken) =>
        (await table.Documents.ListAsync<StoragePoolRecord>(VolumeTable.Pools, cancellationToken)).Select(d => d.Value).ToList();

    /// <summary>The pool <paramref name="name"/>, or null.</summary>
    public async Task<StoragePoolRecord?> GetAsync(string name, CancellationToken cancellationToken) =>
        (await table.Documents.GetAsync<StoragePoolRecord>(VolumeTable.Pools, name, cancellationToken))?.Value;

    /// <summary>Creates or refreshes a pool's capacity report, keeping its claims.</summary>
    public async Task ReportAsync(StoragePoolRecord report, CancellationToken cancellationToken) =>
        await table.Documents.UpsertAsync<StoragePoolRecord>(VolumeTable.Pools, report.Name,
            current => report with { Claims = current?.Claims ?? report.Claims, UpdatedAt = clock.GetUtcNow() },
            VolumeTable.Retry, cancellationToken);

    /// <summary>
    /// Claims <paramref name="sizeGb"/> on <paramref name="pool"/> for <paramref name="consumerId"/> (a volume or
    /// snapshot); false when the pool no longer has room. A claim the consumer already holds is resized in place.
    /// </summary>
    public async Task<bool> TryClaimAsync(string pool, string consumerId, int sizeGb, CancellationToken cancellationToken)
    {
        var fits = true;
        await table.Documents.UpdateAsync<StoragePoolRecord>(VolumeTable.Pools, pool, current =>
        {
            var held = current.Claims.GetValueOrDefault(consumerId);
            fits = held == sizeGb || current.FreeGb + held >= sizeGb;
            if (!fits || held == sizeGb)
            {
                return null;
            }

            var claims = new Dictionary<string, int>(current.Claims) { [consumerId] = sizeGb };
            return current with { Claims = claims };
        }, VolumeTable.Retry, cancellationToken);
        return fits && await GetAsync(pool, cancellationToken) is not null;
    }

    /// <summary>Releases the claim of <paramref name="consumerId"/> on <paramref name="pool"/> (missing claims are fine).</summary>
    public Task ReleaseAsync(string pool, string consumerId, CancellationToken cancellationToken) =>
        table.Documents.UpdateAsync<StoragePoolRecord>(VolumeTable.Pools, pool, current =>
        {
            if (!current.Claims.ContainsKey(consumerId))
            {
                return null;
            }

            var claims = new Dictionary<string, int>(current.Claims);
            claims.Remove(consumerId);
            return current with { Claims = claims };
        }, VolumeTable.Retry, cancellationToken);
}

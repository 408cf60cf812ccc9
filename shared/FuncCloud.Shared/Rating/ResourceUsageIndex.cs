using Azure;
using Azure.Data.Tables;
using FuncCloud.Shared.Storage;

namespace FuncCloud.Shared.Rating;

/// <summary>
/// The lifecycles of volumes and floating IPs by project (table <c>ResourceUsage</c>: PartitionKey = project,
/// RowKey = kind|id), written by their stores right after the resource's own change: created (start), resized (a
/// step), deleted (end). Window queries are pushed into the table as for servers (<see cref="LifecycleTable{TRecord}"/>).
/// A record is rewritten by compare-and-swap: concurrent changes of one resource never lose a step.
/// </summary>
public sealed class ResourceUsageIndex(TableServiceClient tables, StorageNames names)
{
    /// <summary>The logical table name.</summary>
    public const string TableName = "ResourceUsage";

    private const int MaxAttempts = 20;
    private readonly LifecycleTable<ResourceUsageRecord> _table = new(tables, names, TableName);

    /// <summary>Records that <paramref name="resourceId"/> exists from <paramref name="at"/> with <paramref name="quantity"/> (a repeat keeps the first).</summary>
    public Task StartAsync(string kind, string projectId, string resourceId, string? name, double quantity, DateTimeOffset at, CancellationToken cancellationToken) =>
        _table.PutAsync(projectId, Key(kind, resourceId), new ResourceUsageRecord(kind, resourceId, projectId, name, at, null, [new UsageStep(at, quantity)]),
            at, null, LifecycleWrite.InsertOnly, ETag.All, cancellationToken);

    /// <summary>Records a new quantity from <paramref name="at"/> on (nothing when it is unchanged or the resource unknown).</summary>
    public Task ChangeAsync(string kind, string projectId, string resourceId, double quantity, DateTimeOffset at, CancellationToken cancellationToken) =>
        UpdateAsync(kind, projectId, resourceId, r => r.EndedAt is null && r.Steps[^1].Quantity != quantity
            ? r with { Steps = [.. r.Steps, new UsageStep(at < r.Steps[^1].At ? r.Steps[^1].At : at, quantity)] }
            : null, cancellationToken);

    /// <summary>Records that the resource ended at <paramref name="at"/> (a repeat keeps the first end).</summary>
    public Task EndAsync(string kind, string projectId, string resourceId, DateTimeOffset at, CancellationToken cancellationToken) =>
        UpdateAsync(kind, projectId, resourceId, r => r.EndedAt is null ? r with { EndedAt = at < r.StartedAt ? r.StartedAt : at } : null, cancellationToken);

    /// <summary>The records of <paramref name="kind"/> of <paramref name="projectId"/> active in [<paramref name="start"/>, <paramref name="end"/>).</summary>
    public Task<IReadOnlyList<ResourceUsageRecord>> QueryAsync(string projectId, string kind, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken) =>
        _table.QueryAsync(projectId, start, end, null, int.MaxValue, cancellationToken, kind + "|");

    private async Task UpdateAsync(string kind, string projectId, string resourceId, Func<ResourceUsageRecord, ResourceUsageRecord?> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            if (await _table.GetAsync(projectId, Key(kind, resourceId), cancellationToken) is not { } current || change(current.Record) is not { } updated)
            {
                return;
            }

            if (await _table.PutAsync(projectId, Key(kind, resourceId), updated, updated.StartedAt, updated.EndedAt, LifecycleWrite.Swap, current.ETag, cancellationToken))
            {
                return;
            }

            await Task.Delay(Random.Shared.Next(1, 10 * attempt), cancellationToken);
        }

        throw new ConcurrencyException(TableName, new InvalidOperationException($"{MaxAttempts} compare-and-swap attempts lost on {kind} {resourceId}."));
    }

    private static string Key(string kind, string resourceId) => kind + "|" + resourceId;
}

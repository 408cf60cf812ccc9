using System.Globalization;
using Azure.Data.Tables;
using FuncCloud.Shared.OpenStack;
using FuncCloud.Shared.Storage;

namespace FuncCloud.Shared.Telemetry.Index;

/// <summary>
/// Resources, their past revisions and metrics in the <c>TelemetryIndex</c> table (gnocchi's indexer). Metrics
/// and resources each live in one partition (looked up by id, listed across projects by admins); revisions in a
/// third keyed <c>resourceId/revisionStart</c>. Every update is a compare-and-swap.
/// </summary>
public sealed class TelemetryIndexStore(TableServiceClient tables, StorageNames names)
{
    private const string ResourcePartition = "resource";
    private const string MetricPartition = "metric";
    private const string RevisionPartition = "revision";
    private static readonly CasRetry Retry = new(20, attempt => Random.Shared.Next(1, 5 * attempt));
    private readonly DocumentTable _table = new(tables, names, "TelemetryIndex", OpenStackJson.Storage);

    /// <summary>The resource, or null.</summary>
    public async Task<ResourceRecord?> GetResourceAsync(string id, CancellationToken cancellationToken) =>
        (await _table.GetAsync<ResourceRecord>(ResourcePartition, id, cancellationToken))?.Value;

    /// <summary>Every resource.</summary>
    public async Task<IReadOnlyList<ResourceRecord>> ListResourcesAsync(CancellationToken cancellationToken) =>
        (await _table.ListAsync<ResourceRecord>(ResourcePartition, cancellationToken)).Select(d => d.Value).ToList();

    /// <summary>Inserts a resource.</summary>
    /// <exception cref="DuplicateKeyException">The id exists.</exception>
    public Task InsertResourceAsync(ResourceRecord resource, CancellationToken cancellationToken) =>
        _table.InsertAsync(ResourcePartition, resource.Id, resource, null, cancellationToken);

    /// <summary>
    /// Changes a resource; when an attribute or the lifetime changed the old state is kept as a revision.
    /// <paramref name="change"/> returns the same instance to write nothing. Returns null when it does not exist.
    /// </summary>
    public async Task<ResourceRecord?> UpdateResourceAsync(string id, Func<ResourceRecord, ResourceRecord> change, CancellationToken cancellationToken)
    {
        ResourceRecord? before = null;
        var updated = await _table.UpdateAsync<ResourceRecord>(ResourcePartition, id, CompareAndSwap.UnlessUnchanged<ResourceRecord>(current =>
        {
            before = current;
            return change(current);
        }), Retry, cancellationToken);
        if (before is not null && updated is not null && !ReferenceEquals(before, updated) && updated.RevisionStart != before.RevisionStart)
        {
            await _table.InsertAsync(RevisionPartition, RevisionKey(before), new ResourceRevision(before, updated.RevisionStart), null, cancellationToken);
        }

        return updated;
    }

    /// <summary>The past revisions of a resource, oldest first.</summary>
    public async Task<IReadOnlyList<ResourceRevision>> ListRevisionsAsync(string id, CancellationToken cancellationToken) =>
        (await _table.ListAsync<ResourceRevision>(RevisionPartition, cancellationToken))
            .Select(d => d.Value).Where(r => r.Resource.Id == id).OrderBy(r => r.Resource.RevisionStart).ToList();

    /// <summary>Deletes a resource and its revisions (its metrics are deleted by the caller).</summary>
    public async Task DeleteResourceAsync(string id, CancellationToken cancellationToken)
    {
        foreach (var revision in await ListRevisionsAsync(id, cancellationToken))
        {
            await _table.DeleteAsync(RevisionPartition, RevisionKey(revision.Resource), null, cancellationToken);
        }

        await _table.DeleteAsync(ResourcePartition, id, null, cancellationToken);
    }

    /// <summary>The metric, or null.</summary>
    public async Task<MetricRecord?> GetMetricAsync(string id, CancellationToken cancellationToken) =>
        (await _table.GetAsync<MetricRecord>(MetricPartition, id, cancellationToken))?.Value;

    /// <summary>Every metric.</summary>
    public async Task<IReadOnlyList<MetricRecord>> ListMetricsAsync(CancellationToken cancellationToken) =>
        (await _table.ListAsync<MetricRecord>(MetricPartition, cancellationToken)).Select(d => d.Value).ToList();

    /// <summary>Inserts a metric.</summary>
    public Task InsertMetricAsync(MetricRecord metric, CancellationToken cancellationToken) =>
        _table.InsertAsync(MetricPartition, metric.Id, metric, null, cancellationToken);

    /// <summary>Deletes a metric record.</summary>
    public Task DeleteMetricAsync(string id, CancellationToken cancellationToken) =>
        _table.DeleteAsync(MetricPartition, id, null, cancellationToken);

    private static string RevisionKey(ResourceRecord resource) =>
        $"{resource.Id}/{resource.RevisionStart.UtcTicks.ToString("D19", CultureInfo.InvariantCulture)}";
}

using FuncCloud.Functions.Telemetry.Services;
using FuncCloud.Shared.Compute.Servers;
using FuncCloud.Shared.Storage;
using FuncCloud.Shared.Telemetry;
using FuncCloud.Shared.Telemetry.Index;
using FuncCloud.Shared.Telemetry.Samples;
using FuncCloud.Shared.Telemetry.Storage;
using Microsoft.Extensions.Options;

namespace FuncCloud.Functions.Telemetry.Collection;

/// <summary>
/// ceilometer's gnocchi publisher, in process: a <see cref="SampleBatch"/> becomes resources (created on first sight
/// with their owner and attributes, a new revision when attributes change, <c>ended_at</c> when the resource ended),
/// metrics (created on first sight with the collection's archive policy) and measures written through the store's
/// batch path, one write per series, keyed by the batch id so a redelivered message is skipped series by series.
/// </summary>
public sealed class SampleIngestService(
    TelemetryIndexStore index,
    MeasureStore store,
    ResourceService resources,
    ArchivePolicyCatalog policies,
    SampleResourceResolver resolver,
    IOptions<CollectionOptions> options,
    TimeProvider time)
{
    /// <summary>Who the ingest creates resources and metrics as (gnocchi records ceilometer's service user).</summary>
    public const string CreatorUserId = "ceilometer";

    /// <summary>The problem with the batch that no retry can fix, or null when it can be ingested.</summary>
    public static string? Validate(SampleBatch? batch)
    {
        if (batch is null || string.IsNullOrEmpty(batch.BatchId) || batch.Samples is null)
        {
            return "not a sample batch (batchId and samples are required)";
        }

        foreach (var sample in batch.Samples)
        {
            if (sample is null || string.IsNullOrEmpty(sample.ResourceType))
            {
                return "a sample without a resource type";
            }

            if (string.IsNullOrEmpty(sample.Name) || string.IsNullOrEmpty(sample.ResourceId) || sample.ResourceId.Contains('/'))
            {
                return $"a sample without a meter name or with an invalid resource id '{sample.ResourceId}'";
            }

            if (ResourceTypes.Find(sample.ResourceType) is null)
            {
                return $"sample {sample.Name} of {sample.ResourceId}: unknown resource type '{sample.ResourceType}'";
            }

            if (!double.IsFinite(sample.Volume))
            {
                return $"sample {sample.Name} of {sample.ResourceId}: the volume is not a finite number";
            }
        }

        return null;
    }

    /// <summary>Ingests the batch; returns the samples written (those of unknown servers are dropped).</summary>
    public async Task<int> IngestAsync(SampleBatch batch, CancellationToken cancellationToken)
    {
        var servers = new Dictionary<string, ServerRecord?>(StringComparer.Ordinal);
        var written = 0;
        foreach (var group in batch.Samples.GroupBy(s => (s.ResourceId, s.ResourceType)))
        {
            var first = group.First();
            if (await resolver.ResolveAsync(first, servers, cancellationToken) is not { } owner)
            {
                continue; // the server is gone from the database: nobody could see these measures
            }

            var endedAt = group.Max(s => s.EndedAt);
            var resource = await EnsureResourceAsync(first, owner, endedAt, cancellationToken);
            resource = await EnsureMetricsAsync(resource, group.Select(s => (s.Name, s.Unit)).Distinct().ToList(), cancellationToken);
            foreach (var series in group.GroupBy(s => s.Name))
            {
                var metric = await resources.MetricAsync(resource, series.Key, cancellationToken);
                var measures = series.Select(s => new Measure(s.Timestamp, s.Volume)).ToList();
                await store.AddAsync(metric.Id, policies.Get(metric.ArchivePolicyName), measures, batch.BatchId, cancellationToken);
                written += measures.Count;
            }
        }

        return written;
    }

    private async Task<ResourceRecord> EnsureResourceAsync(Sample sample, ResolvedResource owner, DateTimeOffset? endedAt, CancellationToken cancellationToken)
    {
        var id = ResourceIds.From(sample.ResourceId);
        var type = ResourceTypes.Find(sample.ResourceType)!;
        var attributes = type.Attributes.ToDictionary(a => a.Name, a => owner.Attributes.GetValueOrDefault(a.Name), StringComparer.Ordinal);
        for (var attempt = 0; ; attempt++)
        {
            var existing = await index.GetResourceAsync(id, cancellationToken);
            if (existing is null)
            {
                var now = time.GetUtcNow();
                var created = new ResourceRecord(
                    id, type.Name, sample.ResourceId, owner.ProjectId, owner.UserId, sample.Timestamp < now ? sample.Timestamp : now, endedAt, now,
                    attributes, new Dictionary<string, string>(), CreatorUserId, null);
                try
                {
                    await index.InsertResourceAsync(created, cancellationToken);
                    return created;
                }
                catch (DuplicateKeyException) when (attempt == 0)
                {
                    continue; // another batch created it meanwhile: take theirs
                }
            }

            var changed = endedAt is not null && existing.EndedAt is null
                || attributes.Any(a => a.Value is not null && existing.Attributes.GetValueOrDefault(a.Key) != a.Value);
            if (!changed)
            {
                return existing;
            }

            return await index.UpdateResourceAsync(id, current =>
            {
                var merged = current.Attributes.ToDictionary(StringComparer.Ordinal);
                foreach (var (key, value) in attributes.Where(a => a.Value is not null))
                {
                    merged[key] = value;
                }

                var ended = current.EndedAt ?? endedAt;
                var differs = ended != current.EndedAt || merged.Any(a => current.Attributes.GetValueOrDefault(a.Key) != a.Value);
                return differs ? current with { Attributes = merged, EndedAt = ended, RevisionStart = time.GetUtcNow() } : current;
            }, cancellationToken) ?? existing;
        }
    }

    private async Task<ResourceRecord> EnsureMetricsAsync(ResourceRecord resource, IReadOnlyList<(string Name, string Unit)> meters, CancellationToken cancellationToken)
    {
        var missing = meters.Where(m => !resource.Metrics.ContainsKey(m.Name)).DistinctBy(m => m.Name).ToList();
        if (missing.Count == 0)
        {
            return resource;
        }

        var created = missing.Select(m => new MetricRecord(
            Guid.NewGuid().ToString("D"), m.Name, m.Unit, options.Value.PolicyFor(m.Name), resource.Id, resource.ProjectId, CreatorUserId, null)).ToList();
        await resources.AttachAsync(resource.Id, created, failOnExisting: false, cancellationToken);
        return await index.GetResourceAsync(resource.Id, cancellationToken) ?? resource;
    }
}

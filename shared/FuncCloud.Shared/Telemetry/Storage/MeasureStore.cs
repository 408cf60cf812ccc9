using System.Globalization;
using Azure;
using Azure.Data.Tables;
using FuncCloud.Shared.Storage;
using Microsoft.Extensions.Logging;

namespace FuncCloud.Shared.Telemetry.Storage;

/// <summary>
/// Aggregated time series in the <c>Measures</c> table. One partition per metric: a state row (<c>s</c>: the
/// latest timestamp and the ids of recently applied batches) and one row per split of
/// <see cref="SplitSize"/> buckets per granularity (<c>g{granularity ms}_{split}</c>, the buckets in a binary
/// property, see <see cref="SplitCodec"/>). Ingest aggregates on write: the state row and every touched split
/// are compare-and-swapped in one entity-group transaction, so concurrent writers of one metric retry instead
/// of losing measures, and a redelivered batch (same id) is applied once. A read is one range query of the
/// series' partition.
/// </summary>
public sealed partial class MeasureStore(TableServiceClient tables, StorageNames names, ILogger<MeasureStore> logger) : IMeasureReader
{
    /// <summary>Buckets per split row.</summary>
    public const int SplitSize = 720;

    private const string StateRow = "s";
    private const string PointsColumn = "P";
    private const string LastColumn = "Last";
    private const string BatchesColumn = "Batches";
    private const int RememberedBatches = 32;
    private const int MaxActions = 100;
    private const int MaxAttempts = 20;
    private readonly TableClient _table = tables.GetTableClient(names.Table("Measures"));
    private readonly CreateOnce _created = new(() => tables.GetTableClient(names.Table("Measures")).CreateIfNotExistsAsync());

    /// <summary>
    /// Aggregates <paramref name="measures"/> into the metric's series. Measures older than a resolution's
    /// retention (relative to the latest timestamp) are left out of that resolution.
    /// </summary>
    /// <param name="metricId">The metric (its partition).</param>
    /// <param name="policy">The metric's archive policy.</param>
    /// <param name="measures">The raw measures, in any order.</param>
    /// <param name="batchId">Identifies the batch: applying the same id twice (a redelivered message) is a no-op.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The number of storage round trips that committed (for the benchmark).</returns>
    public async Task<int> AddAsync(string metricId, ArchivePolicy policy, IReadOnlyList<Measure> measures, string batchId, CancellationToken cancellationToken)
    {
        await _created.Value;
        var commits = 0;
        var chunkNumber = 0;
        foreach (var chunk in Chunks(policy, measures))
        {
            var chunkId = chunkNumber++ == 0 ? batchId : $"{batchId}/{chunkNumber}";
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    if (await TryApplyAsync(metricId, policy, chunk, chunkId, cancellationToken))
                    {
                        commits++;
                    }

                    break;
                }
                catch (RequestFailedException e) when (e.Status is 409 or 412 && attempt < MaxAttempts)
                {
                    LogLostRace(logger, metricId, attempt);
                    await Task.Delay(Random.Shared.Next(1, 5 * attempt), cancellationToken);
                }
            }
        }

        return commits;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AggregatedPoint>> GetAsync(SeriesQuery query, CancellationToken cancellationToken)
    {
        if (!query.Policy.Keeps(query.Aggregation))
        {
            throw new UnknownAggregationException(query.Aggregation);
        }

        IEnumerable<ArchivePolicyDefinition> definitions = query.Granularity is { } g
            ? [query.Policy.Find(g) ?? throw new UnknownGranularityException(g)]
            : query.Policy.Definition.OrderByDescending(d => d.Granularity);
        await _created.Value;
        var points = new List<AggregatedPoint>();
        foreach (var definition in definitions)
        {
            points.AddRange(await ReadSeriesAsync(query, definition, cancellationToken));
        }

        return points;
    }

    /// <summary>Deletes every row of the metric.</summary>
    public async Task DeleteAsync(string metricId, CancellationToken cancellationToken)
    {
        await _created.Value;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {metricId}");
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            await _table.DeleteEntityAsync(metricId, row.RowKey, ETag.All, cancellationToken);
        }
    }

    private async Task<IReadOnlyList<AggregatedPoint>> ReadSeriesAsync(SeriesQuery query, ArchivePolicyDefinition definition, CancellationToken cancellationToken)
    {
        if (query.Stop <= DateTimeOffset.UnixEpoch || query.Start >= query.Stop)
        {
            return [];
        }

        var granularity = definition.Granularity;
        var rate = AggregationMethods.IsRate(query.Aggregation);
        var startIndex = query.Start is { } start ? SeriesMath.BucketIndex(start, granularity) : 0;
        var stopIndex = query.Stop is { } stop ? SeriesMath.BucketIndex(stop.AddTicks(-1), granularity) : long.MaxValue / 2;

        // A rate's first bucket needs the last measure before it: read one split earlier.
        var fromSplit = Math.Max(0, (startIndex / SplitSize) - (rate ? 1 : 0));
        var toSplit = stopIndex / SplitSize;
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {query.MetricId} and ((RowKey ge {SplitRow(granularity, fromSplit)} and RowKey le {SplitRow(granularity, toSplit)}) or RowKey eq {StateRow})");
        var buckets = new SortedDictionary<long, Bucket>();
        long? last = null;
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (row.RowKey == StateRow)
            {
                last = row.GetInt64(LastColumn);
                continue;
            }

            var split = SplitOf(row.RowKey);
            foreach (var (offset, bucket) in SplitCodec.Decode(row.GetBinary(PointsColumn)))
            {
                buckets[(split * SplitSize) + offset] = bucket;
            }
        }

        if (last is null)
        {
            return [];
        }

        // Retention: the resolution keeps its newest `points` buckets, counted back from the latest measure.
        var oldest = SeriesMath.BucketIndex(new DateTimeOffset(last.Value, TimeSpan.Zero), granularity) - definition.Points + 1;
        var from = Math.Max(startIndex, oldest);
        Bucket? previous = null;
        var inRange = new List<KeyValuePair<long, Bucket>>();
        foreach (var pair in buckets)
        {
            if (pair.Key < from)
            {
                previous = pair.Key >= oldest ? pair.Value : previous;
                continue;
            }

            if (pair.Key > stopIndex)
            {
                break;
            }

            inRange.Add(pair);
        }

        return SeriesMath.Points(inRange, granularity, query.Aggregation, previous).ToList();
    }

    private async Task<bool> TryApplyAsync(string metricId, ArchivePolicy policy, IReadOnlyList<Measure> measures, string batchId, CancellationToken cancellationToken)
    {
        var stateResponse = await _table.GetEntityIfExistsAsync<TableEntity>(metricId, StateRow, cancellationToken: cancellationToken);
        var state = stateResponse.HasValue ? stateResponse.Value : null;
        var batches = state?.GetString(BatchesColumn)?.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList() ?? [];
        if (batches.Contains(batchId, StringComparer.Ordinal))
        {
            LogDuplicateBatch(logger, metricId, batchId);
            return false;
        }

        var latest = Math.Max(state?.GetInt64(LastColumn) ?? long.MinValue, measures.Max(m => m.Timestamp.UtcTicks));
        var changes = new Dictionary<string, (long Split, ArchivePolicyDefinition Definition, List<Measure> Measures)>(StringComparer.Ordinal);
        foreach (var definition in policy.Definition)
        {
            var oldest = SeriesMath.BucketIndex(new DateTimeOffset(latest, TimeSpan.Zero), definition.Granularity) - definition.Points + 1;
            foreach (var measure in measures)
            {
                var index = SeriesMath.BucketIndex(measure.Timestamp, definition.Granularity);
                if (index < oldest || index < 0)
                {
                    continue;
                }

                var key = SplitRow(definition.Granularity, index / SplitSize);
                if (!changes.TryGetValue(key, out var change))
                {
                    change = (index / SplitSize, definition, []);
                    changes[key] = change;
                }

                change.Measures.Add(measure);
            }
        }

        var reads = changes.Keys.Select(key => _table.GetEntityIfExistsAsync<TableEntity>(metricId, key, cancellationToken: cancellationToken)).ToList();
        var existing = await Task.WhenAll(reads);
        var actions = new List<TableTransactionAction>();
        var newSplits = new List<(ArchivePolicyDefinition Definition, long Oldest)>();
        foreach (var ((key, change), response) in changes.Zip(existing))
        {
            var row = response.HasValue ? response.Value : null;
            var buckets = row is null ? new SortedDictionary<int, Bucket>() : SplitCodec.Decode(row.GetBinary(PointsColumn));
            var granularity = change.Definition.Granularity;
            foreach (var measure in change.Measures)
            {
                var offset = (int)(SeriesMath.BucketIndex(measure.Timestamp, granularity) - (change.Split * SplitSize));
                buckets.TryGetValue(offset, out var bucket);
                bucket.Add(measure.Timestamp.UtcTicks, measure.Value);
                buckets[offset] = bucket;
            }

            var entity = new TableEntity(metricId, key) { [PointsColumn] = SplitCodec.Encode(buckets) };
            if (row is null)
            {
                actions.Add(new TableTransactionAction(TableTransactionActionType.Add, entity));
                newSplits.Add((change.Definition, SeriesMath.BucketIndex(new DateTimeOffset(latest, TimeSpan.Zero), granularity) - change.Definition.Points + 1));
            }
            else
            {
                actions.Add(new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, row.ETag));
            }
        }

        batches.Add(batchId);
        var stateEntity = new TableEntity(metricId, StateRow)
        {
            [LastColumn] = latest,
            [BatchesColumn] = string.Join(' ', batches.TakeLast(RememberedBatches)),
        };
        actions.Add(state is null
            ? new TableTransactionAction(TableTransactionActionType.Add, stateEntity)
            : new TableTransactionAction(TableTransactionActionType.UpdateReplace, stateEntity, state.ETag));
        try
        {
            await _table.SubmitTransactionAsync(actions, cancellationToken);
        }
        catch (TableTransactionFailedException e) when (e.Status is 409 or 412 or 404)
        {
            throw new RequestFailedException(412, "A concurrent writer changed the series.", e);
        }

        foreach (var (definition, oldest) in newSplits)
        {
            await TrimAsync(metricId, definition.Granularity, oldest, cancellationToken);
        }

        return true;
    }

    // A new split means time moved on: drop the splits wholly older than the resolution's retention.
    private async Task TrimAsync(string metricId, TimeSpan granularity, long oldestBucket, CancellationToken cancellationToken)
    {
        var firstKept = oldestBucket / SplitSize;
        if (firstKept <= 0)
        {
            return;
        }

        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {metricId} and RowKey ge {SplitRow(granularity, 0)} and RowKey lt {SplitRow(granularity, firstKept)}");
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            await _table.DeleteEntityAsync(metricId, row.RowKey, ETag.All, cancellationToken);
            LogTrimmed(logger, metricId, row.RowKey);
        }
    }

    // One transaction holds at most 100 rows: cut a large batch into runs of time that each touch fewer.
    private static IEnumerable<IReadOnlyList<Measure>> Chunks(ArchivePolicy policy, IReadOnlyList<Measure> measures)
    {
        if (measures.Count == 0)
        {
            yield break;
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        var chunk = new List<Measure>();
        foreach (var measure in measures.OrderBy(m => m.Timestamp))
        {
            var measureKeys = policy.Definition.Select(d => SplitRow(d.Granularity, Math.Max(0, SeriesMath.BucketIndex(measure.Timestamp, d.Granularity) / SplitSize))).ToList();
            if (keys.Count + measureKeys.Count(k => !keys.Contains(k)) > MaxActions - 1)
            {
                yield return chunk;
                chunk = [];
                keys.Clear();
            }

            keys.UnionWith(measureKeys);
            chunk.Add(measure);
        }

        yield return chunk;
    }

    private static string SplitRow(TimeSpan granularity, long split) =>
        string.Create(CultureInfo.InvariantCulture, $"g{(long)granularity.TotalMilliseconds:D12}_{split:D12}");

    private static long SplitOf(string rowKey) => long.Parse(rowKey.AsSpan(rowKey.IndexOf('_') + 1), CultureInfo.InvariantCulture);

    [LoggerMessage(EventId = 17001, Level = LogLevel.Debug, Message = "Measures of metric {metricId}: lost a write race (attempt {attempt}), retrying")]
    private static partial void LogLostRace(ILogger logger, string metricId, int attempt);

    [LoggerMessage(EventId = 17002, Level = LogLevel.Information, Message = "Measures of metric {metricId}: batch {batchId} was already applied, skipped")]
    private static partial void LogDuplicateBatch(ILogger logger, string metricId, string batchId);

    [LoggerMessage(EventId = 17003, Level = LogLevel.Debug, Message = "Measures of metric {metricId}: split {split} left the retention, deleted")]
    private static partial void LogTrimmed(ILogger logger, string metricId, string split);
}

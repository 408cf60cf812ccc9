using FuncCloud.Functions.Monitor.Api;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace FuncCloud.Functions.Monitor.Services;

/// <summary>
/// Lists orchestrations. Unsorted lists page through storage (instance id order) and cost one storage page
/// per page whatever the hub's size; filters storage cannot apply read larger pages and resume inside them.
/// Sorted lists read up to <see cref="MonitorOptions.ScanLimit"/> matching instances, sort them and page by offset.
/// </summary>
public sealed class OrchestrationLister(IOptions<MonitorOptions> options)
{
    // With row filters a storage page is read larger than the page asked for: most rows may not match.
    private const int FilteredReadSize = 500;

    /// <summary>One page.</summary>
    public async Task<OrchestrationPage> ListAsync(DurableTaskClient durable, OrchestrationFilter filter, CancellationToken cancellationToken)
    {
        var token = PageToken.Decode(filter.Continuation);
        return filter.Sort is null
            ? await StoragePageAsync(durable, filter, token, cancellationToken)
            : await SortedPageAsync(durable, filter, token?.Offset ?? 0, cancellationToken);
    }

    /// <summary>Every matching instance up to the scan limit, and whether the limit cut it.</summary>
    public async Task<(List<OrchestrationSummary> Rows, bool Truncated, int Scanned)> ScanAsync(DurableTaskClient durable, OrchestrationFilter filter, CancellationToken cancellationToken)
    {
        var rows = new List<OrchestrationSummary>();
        var scanned = 0;
        await foreach (var page in durable.GetAllInstancesAsync(filter.StorageQuery(1000, null)).AsPages(pageSizeHint: 1000).WithCancellation(cancellationToken))
        {
            foreach (var row in page.Values.Select(OrchestrationViews.Summary))
            {
                scanned++;
                if (filter.Matches(row))
                {
                    rows.Add(row);
                }
            }

            if (rows.Count >= options.Value.ScanLimit)
            {
                return (rows, page.ContinuationToken is not null, scanned);
            }
        }

        return (rows, false, scanned);
    }

    private async Task<OrchestrationPage> StoragePageAsync(DurableTaskClient durable, OrchestrationFilter filter, PageToken? token, CancellationToken cancellationToken)
    {
        var rows = new List<OrchestrationSummary>(filter.Limit);
        var storage = token?.Storage;
        var skip = token?.Skip ?? 0;
        var size = token?.PageSize ?? (filter.HasRowFilter ? FilteredReadSize : filter.Limit);
        var scanned = 0;
        while (true)
        {
            var page = await FirstPageAsync(durable, filter.StorageQuery(size, storage), storage, size, cancellationToken);
            var values = page.Values;
            for (var i = skip; i < values.Count; i++)
            {
                scanned++;
                var row = OrchestrationViews.Summary(values[i]);
                if (!filter.Matches(row))
                {
                    continue;
                }

                rows.Add(row);
                if (rows.Count == filter.Limit)
                {
                    var more = i + 1 < values.Count
                        ? new PageToken(storage, i + 1, size, 0)
                        : page.ContinuationToken is { } next ? new PageToken(next, 0, Size(filter), 0) : null;
                    return new OrchestrationPage(rows, more?.Encode(), scanned);
                }
            }

            if (page.ContinuationToken is not { } following)
            {
                return new OrchestrationPage(rows, null, scanned);
            }

            // A sparse filter returns what it found once it has read a few pages, with where to go on.
            storage = following;
            skip = 0;
            size = Size(filter);
            if (scanned >= options.Value.ScanLimit / 4)
            {
                return new OrchestrationPage(rows, new PageToken(storage, 0, size, 0).Encode(), scanned);
            }
        }
    }

    private async Task<OrchestrationPage> SortedPageAsync(DurableTaskClient durable, OrchestrationFilter filter, int offset, CancellationToken cancellationToken)
    {
        var (rows, _, scanned) = await ScanAsync(durable, filter, cancellationToken);
        Func<OrchestrationSummary, object?> key = filter.Sort switch
        {
            "last_updated_at" => r => r.LastUpdatedAt,
            "duration" => r => r.DurationSeconds ?? (r.LastUpdatedAt - r.CreatedAt).TotalSeconds,
            "name" => r => r.Name,
            "runtime_status" => r => r.RuntimeStatus,
            "instance_id" => r => r.InstanceId,
            _ => r => r.CreatedAt,
        };
        var sorted = filter.Descending ? rows.OrderByDescending(key).ThenBy(r => r.InstanceId, StringComparer.Ordinal) : rows.OrderBy(key).ThenBy(r => r.InstanceId, StringComparer.Ordinal);
        var page = sorted.Skip(offset).Take(filter.Limit).ToList();
        var next = offset + page.Count < rows.Count ? new PageToken(null, 0, 0, offset + page.Count).Encode() : null;
        return new OrchestrationPage(page, next, scanned);
    }

    private static int Size(OrchestrationFilter filter) => filter.HasRowFilter ? FilteredReadSize : filter.Limit;

    private static async Task<Microsoft.DurableTask.Page<OrchestrationMetadata>> FirstPageAsync(
        DurableTaskClient durable, OrchestrationQuery query, string? continuation, int size, CancellationToken cancellationToken)
    {
        await foreach (var page in durable.GetAllInstancesAsync(query).AsPages(continuation, size).WithCancellation(cancellationToken))
        {
            return page;
        }

        return new Microsoft.DurableTask.Page<OrchestrationMetadata>([], null);
    }
}

namespace FuncCloud.Shared.ObjectStorage;

/// <summary>
/// The parameters of a swift listing. <see cref="Path"/> is swift's <c>path</c>: the objects one level below
/// that pseudo-directory (it implies <c>prefix=path/</c> and <c>delimiter=/</c> without subdir rows).
/// </summary>
public sealed record ListingQuery(string? Prefix, string? Delimiter, string? Marker, string? EndMarker, int Limit, bool Reverse, string? Path = null);

/// <summary>One listing entry: a stored row, or a <c>subdir</c> rolled up at the delimiter.</summary>
public sealed record ListingItem<T>(string Name, T? Value)
    where T : class
{
    /// <summary>True for a rolled-up pseudo-directory.</summary>
    public bool IsSubdir => Value is null;
}

public sealed partial class SwiftStore
{
    /// <summary>The containers of an account, in name order, paged from the store.</summary>
    public IAsyncEnumerable<ListingItem<ContainerEntry>> ListContainersAsync(string account, ListingQuery query, CancellationToken cancellationToken) =>
        ListAsync<ContainerEntry>(AccountPartition(account), "c", "d", c => c.Name, query, cancellationToken);

    /// <summary>The objects of a container, in name order, paged from the store.</summary>
    public IAsyncEnumerable<ListingItem<ObjectRecord>> ListObjectsAsync(string account, string container, ListingQuery query, CancellationToken cancellationToken) =>
        ListAsync<ObjectRecord>(ContainerPartition(account, container), "o", "p", o => o.Name, query, cancellationToken);

    /// <summary>True when the container holds at least one object row.</summary>
    public Task<bool> HasObjectsAsync(string account, string container, CancellationToken cancellationToken) =>
        table.AnyAsync(ContainerPartition(account, container), "o", "p", cancellationToken);

    // Forward key-range scans; a delimiter roll-up seeks past the whole pseudo-directory with a new query.
    // Reverse listings scan forward over the same range and keep the last `limit` entries (memory bounded by limit).
    private async IAsyncEnumerable<ListingItem<T>> ListAsync<T>(
        string partition, string rowPrefix, string rowEnd, Func<T, string> nameOf, ListingQuery query,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        where T : class
    {
        if (query.Limit <= 0)
        {
            // limit=0 is a valid request for nothing (swift answers an empty listing).
            yield break;
        }

        var prefix = query.Prefix ?? string.Empty;
        var delimiter = string.IsNullOrEmpty(query.Delimiter) ? null : query.Delimiter;
        if (query.Path is { } path)
        {
            prefix = path.Length == 0 || path.EndsWith('/') ? path : path + "/";
            delimiter = "/";
        }

        var (lowMarker, highMarker) = query.Reverse ? (query.EndMarker, query.Marker) : (query.Marker, query.EndMarker);
        var (prefixFrom, prefixTo) = SwiftKeys.PrefixRange(prefix);
        var lower = rowPrefix + prefixFrom;
        var lowerInclusive = true;
        if (!string.IsNullOrEmpty(lowMarker) && string.CompareOrdinal(rowPrefix + SwiftKeys.Encode(lowMarker), lower) >= 0)
        {
            lower = rowPrefix + SwiftKeys.Encode(lowMarker);
            lowerInclusive = false;
        }

        var upper = rowEnd;
        if (prefixTo is not null)
        {
            upper = rowPrefix + prefixTo;
        }

        if (!string.IsNullOrEmpty(highMarker) && string.CompareOrdinal(rowPrefix + SwiftKeys.Encode(highMarker), upper) < 0)
        {
            upper = rowPrefix + SwiftKeys.Encode(highMarker);
        }

        var kept = query.Reverse ? new Queue<ListingItem<T>>() : null;
        var emitted = 0;
        var pageSize = query.Reverse ? 1000 : Math.Min(query.Limit + 1, 1000);
        while (string.CompareOrdinal(lower, upper) < 0)
        {
            string? seek = null;
            await foreach (var row in table.RangeAsync<T>(partition, lower, lowerInclusive, upper, pageSize, cancellationToken))
            {
                var name = nameOf(row.Value);

                // Keys order names exactly up to SwiftKeys.MaxExactBytes; past that, check the real names.
                if (!name.StartsWith(prefix, StringComparison.Ordinal) || (!string.IsNullOrEmpty(lowMarker) && Compare(name, lowMarker) <= 0)
                    || (!string.IsNullOrEmpty(highMarker) && Compare(name, highMarker) >= 0))
                {
                    continue;
                }

                ListingItem<T>? item = new(name, row.Value);
                if (delimiter is not null)
                {
                    var end = name.IndexOf(delimiter, prefix.Length, StringComparison.Ordinal);
                    if (end >= 0 && (query.Path is null || end + delimiter.Length < name.Length))
                    {
                        var subdir = name[..(end + delimiter.Length)];
                        item = query.Path is null && subdir != lowMarker ? new ListingItem<T>(subdir, null) : null;
                        seek = rowPrefix + SwiftKeys.Encode(SwiftKeys.PrefixEnd(subdir)!);
                    }
                }

                if (item is not null)
                {
                    if (kept is null)
                    {
                        yield return item;
                        if (++emitted >= query.Limit)
                        {
                            yield break;
                        }
                    }
                    else
                    {
                        kept.Enqueue(item);
                        if (kept.Count > query.Limit)
                        {
                            kept.Dequeue();
                        }
                    }
                }

                if (seek is not null)
                {
                    break;
                }
            }

            if (seek is null)
            {
                break;
            }

            (lower, lowerInclusive) = (seek, true);
        }

        if (kept is not null)
        {
            foreach (var item in kept.Reverse())
            {
                yield return item;
            }
        }
    }

    // Swift's order: UTF-8 bytes.
    private static int Compare(string a, string b) =>
        System.Text.Encoding.UTF8.GetBytes(a).AsSpan().SequenceCompareTo(System.Text.Encoding.UTF8.GetBytes(b));
}

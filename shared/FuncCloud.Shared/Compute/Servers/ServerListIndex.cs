using System.Runtime.CompilerServices;
using System.Text;
using Azure.Data.Tables;
using FuncCloud.Shared.Storage;

namespace FuncCloud.Shared.Compute.Servers;

/// <summary>
/// The list API's secondary index over the <c>Servers</c> table: each server has four rows next to its document,
/// keyed by scope (its project, and every project for <c>all_tenants</c>), direction (created_at descending and
/// ascending, id as the tie-break in the same direction: nova's order) and the server, each holding a copy of the
/// document and the columns storage filters on (vm_state, updated_at). Live servers' rows and deleted servers' rows
/// have separate key ranges, so a non-deleted listing never reads a deleted row. A page is one range query of
/// <c>limit</c> rows, starting after the marker's key.
/// </summary>
/// <remarks>
/// The rows share the documents' partition, so every write of a server moves its index rows in the same entity-group
/// transaction as the document's compare-and-swap (<see cref="ServerRepository"/>): never half-written, never stale.
/// </remarks>
public static class ServerListIndex
{
    /// <summary>The row that says every server written before the index existed has its rows (set by the backfill).</summary>
    public const string ReadyRow = "x!ready-v1";

    private const string Prefix = "x";
    private const string AllScope = "all";
    private const string VmStateColumn = "VmState";
    private const string UpdatedAtColumn = "UpdatedAt";
    private const string IdColumn = "ServerId";

    /// <summary>The index rows of <paramref name="server"/> (deleted ones in the deleted range).</summary>
    public static IReadOnlyList<TableEntity> Rows(DocumentTable table, string partition, ServerRecord server)
    {
        var rows = new List<TableEntity>(4);
        foreach (var scope in new[] { ProjectScope(server.ProjectId), AllScope })
        {
            foreach (var descending in new[] { true, false })
            {
                var row = table.CopyRow(partition, RowKey(server.IsDeleted, scope, descending, server), server);
                row[VmStateColumn] = server.VmState;
                row[UpdatedAtColumn] = server.UpdatedAt;
                row[IdColumn] = server.Id;
                rows.Add(row);
            }
        }

        return rows;
    }

    /// <summary>
    /// The index changes of a server going from <paramref name="before"/> to <paramref name="after"/> (either null:
    /// created, purged): the rows that no longer apply deleted, the current ones written (they carry the data).
    /// </summary>
    public static IReadOnlyList<TableTransactionAction> Changes(DocumentTable table, string partition, ServerRecord? before, ServerRecord? after)
    {
        var next = after is null ? [] : Rows(table, partition, after);
        var keep = next.Select(r => r.RowKey).ToHashSet(StringComparer.Ordinal);
        var actions = new List<TableTransactionAction>();
        if (before is not null)
        {
            actions.AddRange(Rows(table, partition, before)
                .Where(r => !keep.Contains(r.RowKey))
                .Select(r => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, r.RowKey), Azure.ETag.All)));
        }

        actions.AddRange(next.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)));
        return actions;
    }

    /// <summary>
    /// The servers of <paramref name="query"/>'s scope in its order, after its marker, that storage's filter admits,
    /// as a stream (read a storage page at a time; the caller stops reading when its page is full).
    /// </summary>
    public static IAsyncEnumerable<ServerRecord> ReadAsync(DocumentTable table, string partition, ServerIndexQuery query, int pageSize, CancellationToken cancellationToken)
    {
        var ranges = new List<IAsyncEnumerable<(string Suffix, ServerRecord Server)>>();
        if (query.Live)
        {
            ranges.Add(RangeAsync(table, partition, false, query, pageSize, cancellationToken));
        }

        if (query.Deleted)
        {
            ranges.Add(RangeAsync(table, partition, true, query, pageSize, cancellationToken));
        }

        return ranges.Count == 1 ? Servers(ranges[0], cancellationToken) : MergeAsync(ranges[0], ranges[1], cancellationToken);
    }

    private static async IAsyncEnumerable<ServerRecord> Servers(IAsyncEnumerable<(string Suffix, ServerRecord Server)> range, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var (_, server) in range.WithCancellation(cancellationToken))
        {
            yield return server;
        }
    }

    // Live and deleted rows of one scope and direction, merged by their common key suffix (the same total order).
    private static async IAsyncEnumerable<ServerRecord> MergeAsync(
        IAsyncEnumerable<(string Suffix, ServerRecord Server)> left, IAsyncEnumerable<(string Suffix, ServerRecord Server)> right, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var a = left.GetAsyncEnumerator(cancellationToken);
        await using var b = right.GetAsyncEnumerator(cancellationToken);
        var hasA = await a.MoveNextAsync();
        var hasB = await b.MoveNextAsync();
        while (hasA || hasB)
        {
            if (hasA && (!hasB || string.CompareOrdinal(a.Current.Suffix, b.Current.Suffix) <= 0))
            {
                yield return a.Current.Server;
                hasA = await a.MoveNextAsync();
            }
            else
            {
                yield return b.Current.Server;
                hasB = await b.MoveNextAsync();
            }
        }
    }

    private static async IAsyncEnumerable<(string Suffix, ServerRecord Server)> RangeAsync(
        DocumentTable table, string partition, bool deleted, ServerIndexQuery query, int pageSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var prefix = RangePrefix(deleted, query.ProjectId is { } project ? ProjectScope(project) : AllScope, query.Descending);
        var from = query.After is { } marker ? prefix + Suffix(query.Descending, marker) : prefix;
        var to = prefix[..^1] + ";";
        var filters = new List<string>
        {
            TableClient.CreateQueryFilter($"PartitionKey eq {partition}"),
            query.After is null ? TableClient.CreateQueryFilter($"RowKey ge {from}") : TableClient.CreateQueryFilter($"RowKey gt {from}"),
            TableClient.CreateQueryFilter($"RowKey lt {to}"),
        };
        if (query.VmStates is { } states)
        {
            if (states.Count == 0)
            {
                yield break;
            }

            filters.Add("(" + string.Join(" or ", states.Select(s => TableClient.CreateQueryFilter($"VmState eq {s}"))) + ")");
        }

        if (query.UpdatedSince is { } since)
        {
            filters.Add(TableClient.CreateQueryFilter($"UpdatedAt ge {since}"));
        }

        if (query.UpdatedBefore is { } before)
        {
            filters.Add(TableClient.CreateQueryFilter($"UpdatedAt le {before}"));
        }

        await foreach (var row in table.QueryRowsAsync(string.Join(" and ", filters), pageSize, null, cancellationToken))
        {
            yield return (row.RowKey[prefix.Length..], table.ValueOf<ServerRecord>(row));
        }
    }

    private static string RowKey(bool deleted, string scope, bool descending, ServerRecord server) =>
        RangePrefix(deleted, scope, descending) + Suffix(descending, server);

    // x:l:p<hex project>:d:  — l live / d deleted; d descending / a ascending.
    private static string RangePrefix(bool deleted, string scope, bool descending) =>
        $"{Prefix}:{(deleted ? 'd' : 'l')}:{scope}:{(descending ? 'd' : 'a')}:";

    // Created time then id, both in the index's direction: descending inverts the ticks and every byte of the id,
    // with a terminator so that a longer id sorts before its prefix (as it does descending).
    private static string Suffix(bool descending, ServerRecord server)
    {
        var ticks = server.CreatedAt.UtcTicks;
        var time = descending ? DateTimeOffset.MaxValue.UtcTicks - ticks : ticks;
        var builder = new StringBuilder(time.ToString("D19", System.Globalization.CultureInfo.InvariantCulture)).Append(':');
        foreach (var b in Encoding.UTF8.GetBytes(server.Id))
        {
            builder.Append((descending ? 255 - b : b).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return builder.Append(descending ? "FF" : "00").ToString();
    }

    private static string ProjectScope(string projectId) => "p" + Convert.ToHexString(Encoding.UTF8.GetBytes(projectId));
}

/// <summary>
/// One index read: the project (null: every project), the direction, the marker server to start after, which
/// ranges (live, deleted) and what storage filters (vm_states; updated_at bounds).
/// </summary>
public sealed record ServerIndexQuery(
    string? ProjectId,
    bool Descending,
    ServerRecord? After,
    bool Live,
    bool Deleted,
    IReadOnlyList<string>? VmStates,
    DateTimeOffset? UpdatedSince,
    DateTimeOffset? UpdatedBefore);

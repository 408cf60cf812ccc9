using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;

namespace FuncCloud.Shared.Storage;

/// <summary>A stored document with the ETag to compare-and-swap it against.</summary>
public sealed record Document<T>(string Id, T Value, ETag ETag);

/// <summary>A stored document and when storage last wrote it (the row's Timestamp).</summary>
public sealed record StampedDocument<T>(Document<T> Document, DateTimeOffset Timestamp);

/// <summary>A document's id, write time and ETag, without its data.</summary>
public sealed record DocumentStamp(string Id, DateTimeOffset Timestamp, ETag ETag);

/// <summary>
/// JSON documents in one Azure Table, partitioned by kind. A document may own a unique key (e.g. a name
/// within its domain): the key is a second row of the same partition, written in the same entity-group
/// transaction as the document, so uniqueness holds under concurrency and nothing is ever half-written.
/// Every update is a compare-and-swap on the ETag.
/// </summary>
public sealed class DocumentTable(TableServiceClient service, StorageNames names, string logicalName, JsonSerializerOptions json)
{
    private const string DataColumn = "Data";
    private const string IdColumn = "Id";
    private readonly TableClient _table = service.GetTableClient(names.Table(logicalName));
    private readonly CreateOnce _created = new(() => service.GetTableClient(names.Table(logicalName)).CreateIfNotExistsAsync());

    /// <summary>The document <paramref name="id"/> of <paramref name="partition"/>, or null.</summary>
    public async Task<Document<T>?> GetAsync<T>(string partition, string id, CancellationToken cancellationToken)
    {
        await _created.Value;
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(partition, IdRow(id), [DataColumn], cancellationToken);
        return response.HasValue ? ToDocument<T>(id, response.Value!) : null;
    }

    /// <summary>Every document of <paramref name="partition"/>.</summary>
    public async Task<IReadOnlyList<Document<T>>> ListAsync<T>(string partition, CancellationToken cancellationToken)
    {
        await _created.Value;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {"i:"} and RowKey lt {"i;"}");
        var documents = new List<Document<T>>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            documents.Add(ToDocument<T>(Unescape(entity.RowKey[2..]), entity));
        }

        return documents;
    }

    /// <summary>
    /// Every document of every partition, a page at a time: a full scan, for sweeps that must visit everything
    /// (an evaluator, an expirer), never for an API's hot path.
    /// </summary>
    public async IAsyncEnumerable<(string Partition, Document<T> Document)> ScanAsync<T>([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await _created.Value;
        var filter = TableClient.CreateQueryFilter($"RowKey ge {"i:"} and RowKey lt {"i;"}");
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            yield return (entity.PartitionKey, ToDocument<T>(Unescape(entity.RowKey[2..]), entity));
        }
    }

    /// <summary>
    /// The documents of <paramref name="partition"/> written at or after <paramref name="since"/> (every one when
    /// null), each with the storage's write time: the incremental reads of caches that follow a partition.
    /// </summary>
    public async Task<IReadOnlyList<StampedDocument<T>>> ListChangedAsync<T>(string partition, DateTimeOffset? since, CancellationToken cancellationToken)
    {
        await _created.Value;
        var filter = since is { } from
            ? TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {"i:"} and RowKey lt {"i;"} and Timestamp ge {from}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {"i:"} and RowKey lt {"i;"}");
        var documents = new List<StampedDocument<T>>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            documents.Add(new(ToDocument<T>(Unescape(entity.RowKey[2..]), entity), entity.Timestamp ?? DateTimeOffset.MinValue));
        }

        return documents;
    }

    /// <summary>The ids and write times of <paramref name="partition"/>'s documents, without their data (cheap change detection).</summary>
    public async Task<IReadOnlyList<DocumentStamp>> ListStampsAsync(string partition, CancellationToken cancellationToken)
    {
        await _created.Value;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {"i:"} and RowKey lt {"i;"}");
        var stamps = new List<DocumentStamp>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            stamps.Add(new(Unescape(entity.RowKey[2..]), entity.Timestamp ?? DateTimeOffset.MinValue, entity.ETag));
        }

        return stamps;
    }

    /// <summary>The id of the document owning <paramref name="uniqueKey"/>, or null.</summary>
    public async Task<string?> FindByKeyAsync(string partition, string uniqueKey, CancellationToken cancellationToken)
    {
        await _created.Value;
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(partition, KeyRow(uniqueKey), [IdColumn], cancellationToken);
        return response.HasValue ? response.Value!.GetString(IdColumn) : null;
    }

    /// <summary>Inserts a new document (and its unique key, atomically).</summary>
    /// <exception cref="DuplicateKeyException">The id or the unique key exists.</exception>
    public async Task<ETag> InsertAsync<T>(string partition, string id, T value, string? uniqueKey, CancellationToken cancellationToken)
    {
        await _created.Value;
        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.Add, DocumentEntity(partition, id, value)) };
        if (uniqueKey is not null)
        {
            actions.Add(new(TableTransactionActionType.Add, KeyEntity(partition, uniqueKey, id)));
        }

        var responses = await SubmitAsync(actions, uniqueKey ?? id, cancellationToken);
        return responses[0].Headers.ETag ?? ETag.All;
    }

    /// <summary>
    /// Inserts up to 100 new documents of one partition in one entity-group transaction (bulk registration): all or none.
    /// </summary>
    /// <exception cref="DuplicateKeyException">One of the ids exists (nothing was written).</exception>
    public async Task InsertBatchAsync<T>(string partition, IReadOnlyList<(string Id, T Value)> documents, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(documents.Count, 100);
        await _created.Value;
        var actions = documents.Select(d => new TableTransactionAction(TableTransactionActionType.Add, DocumentEntity(partition, d.Id, d.Value))).ToList();
        await SubmitAsync(actions, documents.Count == 0 ? partition : documents[0].Id, cancellationToken);
    }

    /// <summary>Replaces a document if its ETag still matches; moves its unique key when it changed.</summary>
    /// <exception cref="ConcurrencyException">Someone else changed the document first.</exception>
    /// <exception cref="DuplicateKeyException">The new unique key belongs to another document.</exception>
    public async Task<ETag> ReplaceAsync<T>(string partition, string id, T value, ETag etag, string? oldKey, string? newKey, CancellationToken cancellationToken)
    {
        await _created.Value;
        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.UpdateReplace, DocumentEntity(partition, id, value), etag) };
        if (!string.Equals(oldKey, newKey, StringComparison.Ordinal))
        {
            if (oldKey is not null)
            {
                actions.Add(new(TableTransactionActionType.Delete, new TableEntity(partition, KeyRow(oldKey)), ETag.All));
            }

            if (newKey is not null)
            {
                actions.Add(new(TableTransactionActionType.Add, KeyEntity(partition, newKey, id)));
            }
        }

        var responses = await SubmitAsync(actions, newKey ?? id, cancellationToken);
        return responses[0].Headers.ETag ?? ETag.All;
    }

    /// <summary>Deletes a document and its unique key (missing documents are not an error).</summary>
    public async Task DeleteAsync(string partition, string id, string? uniqueKey, CancellationToken cancellationToken)
    {
        await _created.Value;
        if (uniqueKey is null)
        {
            await _table.DeleteEntityAsync(partition, IdRow(id), ETag.All, cancellationToken);
            return;
        }

        try
        {
            await _table.SubmitTransactionAsync(
            [
                new(TableTransactionActionType.Delete, new TableEntity(partition, IdRow(id)), ETag.All),
                new(TableTransactionActionType.Delete, new TableEntity(partition, KeyRow(uniqueKey)), ETag.All),
            ], cancellationToken);
        }
        catch (TableTransactionFailedException e) when (e.Status == 404)
        {
            // One of the rows is already gone: delete the other one on its own.
            await _table.DeleteEntityAsync(partition, IdRow(id), ETag.All, cancellationToken);
            await _table.DeleteEntityAsync(partition, KeyRow(uniqueKey), ETag.All, cancellationToken);
        }
    }

    /// <summary>
    /// Inserts a new document with <paramref name="companions"/>: rows of the same partition (a secondary index's)
    /// written in the same entity-group transaction, so the document and its index rows exist together or not at all.
    /// </summary>
    /// <exception cref="DuplicateKeyException">The id exists.</exception>
    public async Task<ETag> InsertWithCompanionsAsync<T>(string partition, string id, T value, IReadOnlyList<TableTransactionAction> companions, CancellationToken cancellationToken)
    {
        await _created.Value;
        return await SubmitWithCompanionsAsync(new(TableTransactionActionType.Add, DocumentEntity(partition, id, value)), companions, id, cancellationToken);
    }

    /// <summary>Replaces a document if its ETag still matches, with <paramref name="companions"/> in the same transaction.</summary>
    /// <exception cref="ConcurrencyException">Someone else changed the document first.</exception>
    public async Task<ETag> ReplaceWithCompanionsAsync<T>(string partition, string id, T value, ETag etag, IReadOnlyList<TableTransactionAction> companions, CancellationToken cancellationToken)
    {
        await _created.Value;
        return await SubmitWithCompanionsAsync(new(TableTransactionActionType.UpdateReplace, DocumentEntity(partition, id, value), etag), companions, id, cancellationToken);
    }

    /// <summary>Deletes a document (if it exists) with <paramref name="companions"/> in the same transaction.</summary>
    public async Task DeleteWithCompanionsAsync(string partition, string id, IReadOnlyList<TableTransactionAction> companions, CancellationToken cancellationToken)
    {
        await _created.Value;
        try
        {
            await SubmitWithCompanionsAsync(new(TableTransactionActionType.Delete, new TableEntity(partition, IdRow(id)), ETag.All), companions, id, cancellationToken);
        }
        catch (ConcurrencyException)
        {
            // The document is gone already: its companions' deletes still apply.
            var left = companions.Where(c => c.ActionType != TableTransactionActionType.Delete).ToList();
            foreach (var companion in companions.Where(c => c.ActionType == TableTransactionActionType.Delete))
            {
                await _table.DeleteEntityAsync(companion.Entity.PartitionKey, companion.Entity.RowKey, ETag.All, cancellationToken);
            }

            if (left.Count > 0)
            {
                await _table.SubmitTransactionAsync(left, cancellationToken);
            }
        }
    }

    /// <summary>The raw rows of this table that <paramref name="filter"/> selects, in key order, a storage page at a time.</summary>
    public async IAsyncEnumerable<TableEntity> QueryRowsAsync(string filter, int? pageSize, IEnumerable<string>? select, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await _created.Value;
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, pageSize, select, cancellationToken))
        {
            yield return entity;
        }
    }

    /// <summary>A document's value from a row that carries its data (a document row, or an index row holding a copy).</summary>
    public T ValueOf<T>(TableEntity entity) => JsonSerializer.Deserialize<T>(entity.GetString(DataColumn), json)!;

    /// <summary>A row holding a copy of <paramref name="value"/>'s data under another key (a secondary index row).</summary>
    public TableEntity CopyRow<T>(string partition, string rowKey, T value) =>
        new(partition, rowKey) { [DataColumn] = JsonSerializer.Serialize(value, json) };

    /// <summary>The row key of document <paramref name="id"/> (for a transaction that swaps it with an ETag).</summary>
    public static string RowKeyOf(string id) => IdRow(id);

    // A companion delete meeting a missing row (written before its index existed) is dropped and the transaction
    // retried: the row's absence is what the delete wanted. Any other failure maps as a single write's would.
    private async Task<ETag> SubmitWithCompanionsAsync(TableTransactionAction main, IReadOnlyList<TableTransactionAction> companions, string key, CancellationToken cancellationToken)
    {
        if (companions.Count == 0)
        {
            return (await SubmitAsync([main], key, cancellationToken))[0].Headers.ETag ?? ETag.All;
        }

        var rest = companions.ToList();
        while (true)
        {
            try
            {
                var responses = (await _table.SubmitTransactionAsync([main, .. rest], cancellationToken)).Value;
                return responses[0].Headers.ETag ?? ETag.All;
            }
            catch (RequestFailedException e) when (e.Status == 404 && rest.Any(c => c.ActionType == TableTransactionActionType.Delete))
            {
                if (!await DropMissingDeletesAsync(rest, cancellationToken))
                {
                    throw new ConcurrencyException(key, e);
                }
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                throw new DuplicateKeyException(key, e);
            }
            catch (RequestFailedException e) when (e.Status is 412 or 404)
            {
                throw new ConcurrencyException(key, e);
            }
        }
    }

    private async Task<bool> DropMissingDeletesAsync(List<TableTransactionAction> companions, CancellationToken cancellationToken)
    {
        var dropped = 0;
        foreach (var delete in companions.Where(c => c.ActionType == TableTransactionActionType.Delete).ToList())
        {
            var row = await _table.GetEntityIfExistsAsync<TableEntity>(delete.Entity.PartitionKey, delete.Entity.RowKey, ["RowKey"], cancellationToken);
            if (!row.HasValue)
            {
                companions.Remove(delete);
                dropped++;
            }
        }

        return dropped > 0;
    }

    private async Task<IReadOnlyList<Response>> SubmitAsync(List<TableTransactionAction> actions, string key, CancellationToken cancellationToken)
    {
        try
        {
            if (actions.Count == 1)
            {
                var action = actions[0];
                var response = action.ActionType == TableTransactionActionType.Add
                    ? await _table.AddEntityAsync(action.Entity, cancellationToken)
                    : await _table.UpdateEntityAsync(action.Entity, action.ETag, TableUpdateMode.Replace, cancellationToken);
                return [response];
            }

            return (await _table.SubmitTransactionAsync(actions, cancellationToken)).Value;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            throw new DuplicateKeyException(key, e);
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            throw new ConcurrencyException(key, e);
        }
    }

    private TableEntity DocumentEntity<T>(string partition, string id, T value) =>
        new(partition, IdRow(id)) { [DataColumn] = JsonSerializer.Serialize(value, json) };

    private static TableEntity KeyEntity(string partition, string key, string id) => new(partition, KeyRow(key)) { [IdColumn] = id };

    private Document<T> ToDocument<T>(string id, TableEntity entity) =>
        new(id, JsonSerializer.Deserialize<T>(entity.GetString(DataColumn), json)!, entity.ETag);

    private static string IdRow(string id) => "i:" + Escape(id);

    private static string KeyRow(string key) => "k:" + Escape(key);

    // RowKeys may not hold / \ # ? or control characters: escape everything but [A-Za-z0-9._-] as ~XX.
    private static string Escape(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (char.IsAsciiLetterOrDigit((char)b) || b is (byte)'-' or (byte)'_' or (byte)'.')
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('~').Append(b.ToString("X2"));
            }
        }

        return builder.ToString();
    }

    private static string Unescape(string value)
    {
        if (!value.Contains('~'))
        {
            return value;
        }

        var bytes = new List<byte>(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '~' && i + 2 < value.Length + 0 && i + 2 <= value.Length - 1)
            {
                bytes.Add(Convert.ToByte(value.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.Add((byte)value[i]);
            }
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
    }
}

/// <summary>An insert met an existing id or unique key.</summary>
public sealed class DuplicateKeyException(string key, Exception inner) : Exception($"'{key}' already exists.", inner)
{
    /// <summary>The id or key that exists.</summary>
    public string Key { get; } = key;
}

/// <summary>A compare-and-swap lost: the document changed (or vanished) since it was read.</summary>
public sealed class ConcurrencyException(string key, Exception inner) : Exception($"'{key}' was changed concurrently.", inner);

using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using FuncCloud.Shared.OpenStack;
using FuncCloud.Shared.Storage;

namespace FuncCloud.Shared.ObjectStorage;

/// <summary>A row of the object-storage table with the ETag to compare-and-swap against.</summary>
public sealed record SwiftRow<T>(string PartitionKey, string RowKey, T Value, ETag ETag);

/// <summary>
/// The <c>SwiftObjects</c> table: JSON rows under the keys of <see cref="SwiftKeys"/> (see docs/object-storage.md
/// for the layout). Writes go through entity-group transactions so that an object and its container's totals
/// change together or not at all.
/// </summary>
public sealed class SwiftTable(TableServiceClient service, StorageNames names)
{
    private const string DataColumn = "Data";
    private static readonly string[] Columns = [DataColumn, "PartitionKey", "RowKey"];
    private readonly TableClient _table = service.GetTableClient(names.Table("SwiftObjects"));
    private readonly CreateOnce _created = new(() => service.GetTableClient(names.Table("SwiftObjects")).CreateIfNotExistsAsync());

    /// <summary>The row, or null.</summary>
    public async Task<SwiftRow<T>?> GetAsync<T>(string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        await _created.Value;
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, Columns, cancellationToken);
        return response.HasValue ? ToRow<T>(response.Value!) : null;
    }

    /// <summary>Rows of a partition with keys in [<paramref name="from"/>, <paramref name="to"/>), in key order, paged from the store.</summary>
    public async IAsyncEnumerable<SwiftRow<T>> RangeAsync<T>(
        string partitionKey, string from, bool fromInclusive, string to, int pageSize,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await _created.Value;
        var filter = fromInclusive
            ? TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey} and RowKey ge {from} and RowKey lt {to}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey} and RowKey gt {from} and RowKey lt {to}");
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, Math.Clamp(pageSize, 1, 1000), Columns, cancellationToken))
        {
            yield return ToRow<T>(entity);
        }
    }

    /// <summary>True when the partition has a row in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public async Task<bool> AnyAsync(string partitionKey, string from, string to, CancellationToken cancellationToken)
    {
        await foreach (var _ in RangeAsync<JsonElement>(partitionKey, from, true, to, 1, cancellationToken))
        {
            return true;
        }

        return false;
    }

    /// <summary>An insert (no ETag) of a new row.</summary>
    public TableTransactionAction Add<T>(string partitionKey, string rowKey, T value) =>
        new(TableTransactionActionType.Add, Entity(partitionKey, rowKey, value));

    /// <summary>A replace of <paramref name="row"/> if unchanged, or an insert when <paramref name="row"/> is null.</summary>
    public TableTransactionAction Put<T>(SwiftRow<T>? row, string partitionKey, string rowKey, T value) => row is null
        ? Add(partitionKey, rowKey, value)
        : new(TableTransactionActionType.UpdateReplace, Entity(partitionKey, rowKey, value), row.ETag);

    /// <summary>A delete of <paramref name="row"/> if unchanged.</summary>
    public static TableTransactionAction Delete<T>(SwiftRow<T> row) =>
        new(TableTransactionActionType.Delete, new TableEntity(row.PartitionKey, row.RowKey), row.ETag);

    /// <summary>Submits the actions (all in one partition) atomically.</summary>
    /// <returns>False when a compare-and-swap lost (a row changed, appeared or vanished): re-read and retry.</returns>
    public async Task<bool> TrySubmitAsync(IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        await _created.Value;
        try
        {
            if (actions.Count == 1)
            {
                var action = actions[0];
                _ = action.ActionType switch
                {
                    TableTransactionActionType.Add => await _table.AddEntityAsync(action.Entity, cancellationToken),
                    TableTransactionActionType.Delete => await _table.DeleteEntityAsync(action.Entity.PartitionKey, action.Entity.RowKey, action.ETag, cancellationToken),
                    _ => await _table.UpdateEntityAsync(action.Entity, action.ETag, TableUpdateMode.Replace, cancellationToken),
                };
            }
            else if (actions.Count > 1)
            {
                await _table.SubmitTransactionAsync(actions, cancellationToken);
            }

            return true;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 409 or 412)
        {
            return false;
        }
    }

    private static TableEntity Entity<T>(string partitionKey, string rowKey, T value) =>
        new(partitionKey, rowKey) { [DataColumn] = JsonSerializer.Serialize(value, OpenStackJson.Storage) };

    private static SwiftRow<T> ToRow<T>(TableEntity entity) =>
        new(entity.PartitionKey, entity.RowKey, JsonSerializer.Deserialize<T>(entity.GetString(DataColumn), OpenStackJson.Storage)!, entity.ETag);
}

using System.Text.Json.Nodes;
using Azure;
using Azure.Data.Tables;
using FuncCloud.Shared.Storage;

namespace FuncCloud.Shared.Network;

/// <summary>A stored Neutron resource (its wire document) with the ETag to compare-and-swap it against.</summary>
public sealed record StoredResource(string Kind, string Id, JsonObject Body, ETag ETag);

/// <summary>
/// Every Neutron resource and every IPAM reservation in one partition of the <c>Networking</c> table.
/// One partition is what makes a port create (the port, its addresses and its MAC) or a router interface
/// (the port and the router) one entity-group transaction: nothing is ever half-written, and uniqueness of
/// an address holds because its reservation row is inserted in the same transaction (an insert is an
/// If-None-Match compare-and-swap), with no lock anywhere. The cost is one partition's throughput
/// (about 2,000 entities/s on Azure), written down in docs/networking.md.
/// </summary>
public sealed class NetworkStore(TableServiceClient service, StorageNames names)
{
    private const string Partition = "neutron";
    private const string DataColumn = "Data";
    private const string OwnerColumn = "Owner";
    private readonly TableClient _table = service.GetTableClient(names.Table("Networking"));
    private readonly CreateOnce _created = new(() => service.GetTableClient(names.Table("Networking")).CreateIfNotExistsAsync());

    /// <summary>The resource <paramref name="id"/> of <paramref name="kind"/>, or null.</summary>
    public async Task<StoredResource?> GetAsync(string kind, string id, CancellationToken cancellationToken)
    {
        await _created.Value;
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(Partition, ResourceRow(kind, id), [DataColumn], cancellationToken);
        return response.HasValue ? ToResource(kind, id, response.Value!) : null;
    }

    /// <summary>Every resource of <paramref name="kind"/>.</summary>
    public async Task<IReadOnlyList<StoredResource>> ListAsync(string kind, CancellationToken cancellationToken)
    {
        await _created.Value;
        var prefix = ResourceRow(kind, string.Empty);
        var resources = new List<StoredResource>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(RangeFilter(prefix), cancellationToken: cancellationToken))
        {
            resources.Add(ToResource(kind, entity.RowKey[prefix.Length..], entity));
        }

        return resources;
    }

    /// <summary>The reserved keys starting with <paramref name="prefix"/> (without the prefix), with their owners.</summary>
    public async Task<IReadOnlyDictionary<string, string>> ListKeysAsync(string prefix, CancellationToken cancellationToken)
    {
        await _created.Value;
        var rowPrefix = KeyRow(prefix);
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var entity in _table.QueryAsync<TableEntity>(RangeFilter(rowPrefix), select: ["RowKey", OwnerColumn], cancellationToken: cancellationToken))
        {
            keys[entity.RowKey[rowPrefix.Length..]] = entity.GetString(OwnerColumn) ?? string.Empty;
        }

        return keys;
    }

    /// <summary>The owner of a reserved key, or null when it is free.</summary>
    public async Task<string?> KeyOwnerAsync(string key, CancellationToken cancellationToken)
    {
        await _created.Value;
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(Partition, KeyRow(key), [OwnerColumn], cancellationToken);
        return response.HasValue ? response.Value!.GetString(OwnerColumn) : null;
    }

    /// <summary>Commits <paramref name="batch"/> as one transaction (chunks of 100 when larger, only for deletes of keys).</summary>
    /// <exception cref="KeyTakenException">A reserved key or resource id being added exists already.</exception>
    /// <exception cref="ConcurrencyException">A resource changed or vanished since it was read.</exception>
    public async Task CommitAsync(NetworkBatch batch, CancellationToken cancellationToken)
    {
        await _created.Value;
        if (batch.Actions.Count == 0)
        {
            return;
        }

        if (batch.Actions.Count > 100)
        {
            throw new InvalidOperationException("A Neutron change may touch at most 100 rows.");
        }

        try
        {
            await _table.SubmitTransactionAsync(batch.Actions.Select(a => a.Action), cancellationToken);
        }
        catch (TableTransactionFailedException e) when (e.Status == 409 && Failed(batch, e) is { } failed)
        {
            throw new KeyTakenException(failed.Key, e);
        }
        catch (TableTransactionFailedException e) when (e.Status is 409 or 412 or 404)
        {
            throw new ConcurrencyException(Failed(batch, e)?.Key ?? "batch", e);
        }
    }

    private static BatchAction? Failed(NetworkBatch batch, TableTransactionFailedException e) =>
        e.FailedTransactionActionIndex is int index && index < batch.Actions.Count && batch.Actions[index].Action.ActionType == TableTransactionActionType.Add
            ? batch.Actions[index]
            : null;

    private static StoredResource ToResource(string kind, string id, TableEntity entity) =>
        new(kind, id, (JsonNode.Parse(entity.GetString(DataColumn)) as JsonObject)!, entity.ETag);

    private static string RangeFilter(string prefix) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey ge {prefix} and RowKey lt {prefix + '\uffff'}");

    internal static string ResourceRow(string kind, string id) => $"r:{kind}:{id}";

    internal static string KeyRow(string key) => "k:" + key;

    internal static TableEntity ResourceEntity(string kind, string id, JsonObject body) =>
        new(Partition, ResourceRow(kind, id)) { [DataColumn] = body.ToJsonString() };

    internal static TableEntity KeyEntity(string key, string owner) => new(Partition, KeyRow(key)) { [OwnerColumn] = owner };
}

/// <summary>An action of a <see cref="NetworkBatch"/> and the resource id or key it concerns.</summary>
public sealed record BatchAction(TableTransactionAction Action, string Key);

/// <summary>
/// The rows one Neutron change adds, replaces and deletes, committed together by
/// <see cref="NetworkStore.CommitAsync"/>. Keys (<c>ip:subnet:address</c>, <c>mac:network:mac</c> ...)
/// are reservations: adding one that exists fails the whole change.
/// </summary>
public sealed class NetworkBatch
{
    private readonly List<BatchAction> _actions = [];
    private readonly HashSet<string> _rows = new(StringComparer.Ordinal);

    /// <summary>The actions in order.</summary>
    public IReadOnlyList<BatchAction> Actions => _actions;

    /// <summary>Adds a new resource.</summary>
    public NetworkBatch Add(string kind, JsonObject body)
    {
        var id = body["id"]!.GetValue<string>();
        return Push(TableTransactionActionType.Add, NetworkStore.ResourceEntity(kind, id, body), ETag.All, $"{kind}:{id}");
    }

    /// <summary>Replaces a resource if it still has the ETag it was read with.</summary>
    public NetworkBatch Replace(StoredResource current, JsonObject body) =>
        Push(TableTransactionActionType.UpdateReplace, NetworkStore.ResourceEntity(current.Kind, current.Id, body), current.ETag, $"{current.Kind}:{current.Id}");

    /// <summary>Deletes a resource if it still has its ETag.</summary>
    public NetworkBatch Delete(StoredResource current) =>
        Push(TableTransactionActionType.Delete, new TableEntity("neutron", NetworkStore.ResourceRow(current.Kind, current.Id)), current.ETag, $"{current.Kind}:{current.Id}");

    /// <summary>Reserves <paramref name="key"/> for <paramref name="owner"/> (fails the batch when taken).</summary>
    public NetworkBatch Reserve(string key, string owner) =>
        Push(TableTransactionActionType.Add, NetworkStore.KeyEntity(key, owner), ETag.All, key);

    /// <summary>Releases <paramref name="key"/> (whoever holds it).</summary>
    public NetworkBatch Release(string key) =>
        Push(TableTransactionActionType.Delete, new TableEntity("neutron", NetworkStore.KeyRow(key)), ETag.All, key);

    /// <summary>True when the batch already touches <paramref name="key"/>'s row.</summary>
    public bool Touches(string key) => _rows.Contains(NetworkStore.KeyRow(key));

    private NetworkBatch Push(TableTransactionActionType type, TableEntity entity, ETag etag, string key)
    {
        // A transaction may touch a row once: a release then re-reserve of one key collapses to nothing.
        if (!_rows.Add(entity.RowKey))
        {
            var existing = _actions.FindIndex(a => a.Action.Entity.RowKey == entity.RowKey);
            if (_actions[existing].Action.ActionType == TableTransactionActionType.Delete && type == TableTransactionActionType.Add)
            {
                _actions.RemoveAt(existing);
                _rows.Remove(entity.RowKey);
                return this;
            }

            throw new InvalidOperationException($"Row {entity.RowKey} is changed twice in one batch.");
        }

        _actions.Add(new BatchAction(new TableTransactionAction(type, entity, etag), key));
        return this;
    }
}

/// <summary>A reservation (or resource id) a change adds exists already.</summary>
public sealed class KeyTakenException(string key, Exception inner) : Exception($"'{key}' is taken.", inner)
{
    /// <summary>The key (e.g. <c>ip:subnet:10.0.0.5</c>).</summary>
    public string Key { get; } = key;
}

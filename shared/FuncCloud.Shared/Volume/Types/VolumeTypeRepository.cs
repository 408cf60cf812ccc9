using FuncCloud.Shared.Storage;

namespace FuncCloud.Shared.Volume.Types;

/// <summary>Volume types in <see cref="VolumeTable"/> (one partition; the name is a unique key).</summary>
public sealed class VolumeTypeRepository(VolumeTable table)
{
    /// <summary>Inserts a type.</summary>
    /// <exception cref="DuplicateKeyException">The name is taken.</exception>
    public Task InsertAsync(VolumeTypeRecord type, CancellationToken cancellationToken) =>
        table.Documents.InsertAsync(VolumeTable.Types, type.Id, type, Key(type.Name), cancellationToken);

    /// <summary>The type with id or name <paramref name="idOrName"/>, or null.</summary>
    public async Task<VolumeTypeRecord?> FindAsync(string idOrName, CancellationToken cancellationToken)
    {
        if (await table.Documents.GetAsync<VolumeTypeRecord>(VolumeTable.Types, idOrName, cancellationToken) is { } byId)
        {
            return byId.Value;
        }

        return await table.Documents.FindByKeyAsync(VolumeTable.Types, Key(idOrName), cancellationToken) is { } id
            ? (await table.Documents.GetAsync<VolumeTypeRecord>(VolumeTable.Types, id, cancellationToken))?.Value
            : null;
    }

    /// <summary>Every type.</summary>
    public async Task<IReadOnlyList<VolumeTypeRecord>> ListAsync(CancellationToken cancellationToken) =>
        (await table.Documents.ListAsync<VolumeTypeRecord>(VolumeTable.Types, cancellationToken)).Select(d => d.Value).ToList();

    /// <summary>Changes a type by compare-and-swap (the name key moves with it).</summary>
    public Task<VolumeTypeRecord?> UpdateAsync(string id, Func<VolumeTypeRecord, VolumeTypeRecord> change, CancellationToken cancellationToken) =>
        table.Documents.UpdateAsync(VolumeTable.Types, id, CompareAndSwap.UnlessUnchanged(change), VolumeTable.Retry, cancellationToken, t => Key(t.Name));

    /// <summary>Deletes a type.</summary>
    public Task DeleteAsync(VolumeTypeRecord type, CancellationToken cancellationToken) =>
        table.Documents.DeleteAsync(VolumeTable.Types, type.Id, Key(type.Name), cancellationToken);

    private static string Key(string name) => "name:" + name;
}

using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.OpenStack.Errors;
using FuncCloud.Shared.Storage;

namespace FuncCloud.Shared.Compute.Flavors;

/// <summary>
/// Flavors as documents of one partition of the compute API table; the name is a unique key so two
/// concurrent creates of the same name cannot both win.
/// </summary>
public sealed class FlavorStore(ComputeApiTable table) : IFlavorStore
{
    private const string Partition = "flavor";
    private static readonly CasRetry Retry = new(10);

    /// <inheritdoc />
    public async Task<Flavor?> FindAsync(string flavorId, CancellationToken cancellationToken) =>
        (await table.Documents.GetAsync<Flavor>(Partition, flavorId, cancellationToken))?.Value;

    /// <inheritdoc />
    public async Task<Flavor> GetAsync(string flavorId, string? projectId, bool isAdmin, CancellationToken cancellationToken)
    {
        var flavor = await FindAsync(flavorId, cancellationToken);
        return flavor is not null && flavor.IsVisibleTo(projectId, isAdmin) ? flavor : throw ComputeResourceNotFoundException.Flavor(flavorId);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Flavor>> ListAsync(CancellationToken cancellationToken) =>
        (await table.Documents.ListAsync<Flavor>(Partition, cancellationToken)).Select(d => d.Value).ToList();

    /// <inheritdoc />
    public async Task CreateAsync(Flavor flavor, CancellationToken cancellationToken)
    {
        if (await FindAsync(flavor.Id, cancellationToken) is not null)
        {
            throw new ConflictException($"Flavor with ID {flavor.Id} already exists.");
        }

        try
        {
            await table.Documents.InsertAsync(Partition, flavor.Id, flavor, NameKey(flavor.Name), cancellationToken);
        }
        catch (DuplicateKeyException)
        {
            throw await FindAsync(flavor.Id, cancellationToken) is not null
                ? new ConflictException($"Flavor with ID {flavor.Id} already exists.")
                : new ConflictException($"Flavor with name {flavor.Name} already exists.");
        }
    }

    /// <inheritdoc />
    public async Task<Flavor> UpdateAsync(string flavorId, Func<Flavor, Flavor> change, CancellationToken cancellationToken) =>
        await table.Documents.UpdateAsync<Flavor>(Partition, flavorId, change, Retry, cancellationToken, f => NameKey(f.Name))
        ?? throw ComputeResourceNotFoundException.Flavor(flavorId);

    /// <inheritdoc />
    public async Task DeleteAsync(string flavorId, CancellationToken cancellationToken)
    {
        var flavor = await FindAsync(flavorId, cancellationToken) ?? throw ComputeResourceNotFoundException.Flavor(flavorId);
        await table.Documents.DeleteAsync(Partition, flavorId, NameKey(flavor.Name), cancellationToken);
    }

    private static string NameKey(string name) => "name:" + name;
}

namespace FuncCloud.Shared.Compute.Flavors;

/// <summary>
/// Flavor persistence. The compute core reads flavors through <see cref="GetAsync"/> (and embeds a
/// snapshot of the flavor in the server at boot, as nova does, so later flavor changes never resize it).
/// </summary>
public interface IFlavorStore
{
    /// <summary>The flavor <paramref name="flavorId"/>, or null.</summary>
    Task<Flavor?> FindAsync(string flavorId, CancellationToken cancellationToken);

    /// <summary>The flavor <paramref name="flavorId"/> as <paramref name="projectId"/> may see it.</summary>
    /// <exception cref="Api.ComputeResourceNotFoundException">Missing, or private and not shared with the project.</exception>
    Task<Flavor> GetAsync(string flavorId, string? projectId, bool isAdmin, CancellationToken cancellationToken);

    /// <summary>Every flavor.</summary>
    Task<IReadOnlyList<Flavor>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Inserts a new flavor.</summary>
    /// <exception cref="OpenStack.Errors.ConflictException">The id or the name exists.</exception>
    Task CreateAsync(Flavor flavor, CancellationToken cancellationToken);

    /// <summary>Applies <paramref name="change"/> with compare-and-swap, retrying on concurrent changes.</summary>
    /// <exception cref="Api.ComputeResourceNotFoundException">Missing.</exception>
    Task<Flavor> UpdateAsync(string flavorId, Func<Flavor, Flavor> change, CancellationToken cancellationToken);

    /// <summary>Deletes the flavor.</summary>
    /// <exception cref="Api.ComputeResourceNotFoundException">Missing.</exception>
    Task DeleteAsync(string flavorId, CancellationToken cancellationToken);
}

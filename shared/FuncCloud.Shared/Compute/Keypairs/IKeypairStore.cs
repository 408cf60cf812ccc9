namespace FuncCloud.Shared.Compute.Keypairs;

/// <summary>Key pair persistence, partitioned by user. The compute core reads a key at boot by name.</summary>
public interface IKeypairStore
{
    /// <summary>The key <paramref name="name"/> of <paramref name="userId"/>, or null.</summary>
    Task<Keypair?> FindAsync(string userId, string name, CancellationToken cancellationToken);

    /// <summary>Every key of <paramref name="userId"/>, by name.</summary>
    Task<IReadOnlyList<Keypair>> ListAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Inserts a key.</summary>
    /// <exception cref="OpenStack.Errors.ConflictException">The user has a key of that name.</exception>
    Task CreateAsync(Keypair keypair, CancellationToken cancellationToken);

    /// <summary>Deletes a key; false when it did not exist.</summary>
    Task<bool> DeleteAsync(string userId, string name, CancellationToken cancellationToken);
}

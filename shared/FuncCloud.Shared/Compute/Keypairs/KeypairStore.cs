using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.OpenStack.Errors;
using FuncCloud.Shared.Storage;

namespace FuncCloud.Shared.Compute.Keypairs;

/// <summary>Key pairs as documents, one partition per user (a user's keys are listed together).</summary>
public sealed class KeypairStore(ComputeApiTable table) : IKeypairStore
{
    /// <inheritdoc />
    public async Task<Keypair?> FindAsync(string userId, string name, CancellationToken cancellationToken) =>
        (await table.Documents.GetAsync<Keypair>(Partition(userId), name, cancellationToken))?.Value;

    /// <inheritdoc />
    public async Task<IReadOnlyList<Keypair>> ListAsync(string userId, CancellationToken cancellationToken) =>
        (await table.Documents.ListAsync<Keypair>(Partition(userId), cancellationToken)).Select(d => d.Value).OrderBy(k => k.Name, StringComparer.Ordinal).ToList();

    /// <inheritdoc />
    public async Task CreateAsync(Keypair keypair, CancellationToken cancellationToken)
    {
        try
        {
            await table.Documents.InsertAsync(Partition(keypair.UserId), keypair.Name, keypair, null, cancellationToken);
        }
        catch (DuplicateKeyException)
        {
            throw new ConflictException($"Key pair '{keypair.Name}' already exists.");
        }
    }

    /// <inheritdoc />
    public async Task<bool> DeleteAsync(string userId, string name, CancellationToken cancellationToken)
    {
        if (await FindAsync(userId, name, cancellationToken) is null)
        {
            return false;
        }

        await table.Documents.DeleteAsync(Partition(userId), name, null, cancellationToken);
        return true;
    }

    private static string Partition(string userId) => "keypair-" + userId;
}

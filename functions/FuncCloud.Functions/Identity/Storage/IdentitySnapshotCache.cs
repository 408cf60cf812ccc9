using FuncCloud.Functions.Identity.Model;

namespace FuncCloud.Functions.Identity.Storage;

/// <summary>Keeps the <see cref="IdentitySnapshot"/> of the current revision.</summary>
public sealed class IdentitySnapshotCache(IdentityStore store)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile IdentitySnapshot? _snapshot;

    /// <summary>The snapshot at the current revision (reloaded when the revision moved).</summary>
    public async Task<IdentitySnapshot> GetAsync(CancellationToken cancellationToken)
    {
        var revision = await store.Revision.CurrentAsync(cancellationToken);
        var snapshot = _snapshot;
        if (snapshot is not null && snapshot.Revision == revision)
        {
            return snapshot;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            snapshot = _snapshot;
            if (snapshot is not null && snapshot.Revision == revision)
            {
                return snapshot;
            }

            snapshot = await LoadAsync(revision, cancellationToken);
            _snapshot = snapshot;
            return snapshot;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<IdentitySnapshot> LoadAsync(long revision, CancellationToken cancellationToken)
    {
        var domains = store.ListAsync<Domain>(IdentityKinds.Domain, cancellationToken);
        var roles = store.ListAsync<Role>(IdentityKinds.Role, cancellationToken);
        var implied = store.ListAsync<ImpliedRole>(IdentityKinds.ImpliedRole, cancellationToken);
        var assignments = store.ListAsync<RoleAssignment>(IdentityKinds.Assignment, cancellationToken);
        var memberships = store.ListAsync<Membership>(IdentityKinds.Membership, cancellationToken);
        var regions = store.ListAsync<Region>(IdentityKinds.Region, cancellationToken);
        var services = store.ListAsync<CatalogService>(IdentityKinds.Service, cancellationToken);
        var endpoints = store.ListAsync<Endpoint>(IdentityKinds.Endpoint, cancellationToken);
        var revocations = store.ListAsync<RevocationEvent>(IdentityKinds.Revocation, cancellationToken);
        await Task.WhenAll(domains, roles, implied, assignments, memberships, regions, services, endpoints, revocations);
        return new IdentitySnapshot(
            revision,
            Values(await domains),
            Values(await roles),
            Values(await implied),
            Values(await assignments),
            Values(await memberships),
            Values(await regions),
            Values(await services),
            Values(await endpoints),
            Values(await revocations));
    }

    private static IReadOnlyList<T> Values<T>(IReadOnlyList<Shared.Storage.Document<T>> documents) => documents.Select(d => d.Value).ToList();
}

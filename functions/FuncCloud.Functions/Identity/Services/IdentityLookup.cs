using FuncCloud.Functions.Identity.Model;
using FuncCloud.Functions.Identity.Storage;
using FuncCloud.Shared.OpenStack.Errors;

namespace FuncCloud.Functions.Identity.Services;

/// <summary>Finds resources by id or by name within a domain, throwing the typed 404s.</summary>
public sealed class IdentityLookup(IdentityStore store)
{
    /// <summary>The unique key of a name within a domain (case-insensitive, as keystone's MySQL collation).</summary>
    public static string NameKey(string domainId, string name) => $"{domainId}/{name.ToLowerInvariant()}";

    /// <summary>A document by id.</summary>
    /// <exception cref="ResourceNotFoundException">It does not exist.</exception>
    public async Task<Shared.Storage.Document<T>> RequireAsync<T>(string kind, string id, CancellationToken cancellationToken) =>
        await store.GetAsync<T>(kind, id, cancellationToken) ?? throw new ResourceNotFoundException(kind, id);

    /// <summary>A domain by id or (when <paramref name="id"/> is null) by name.</summary>
    public async Task<Domain> DomainAsync(string? id, string? name, CancellationToken cancellationToken)
    {
        if (id is not null)
        {
            return (await RequireAsync<Domain>(IdentityKinds.Domain, id, cancellationToken)).Value;
        }

        var found = name is null ? null : await store.FindByKeyAsync(IdentityKinds.Domain, name.ToLowerInvariant(), cancellationToken);
        return found is null
            ? throw new ResourceNotFoundException(IdentityKinds.Domain, name ?? string.Empty)
            : (await RequireAsync<Domain>(IdentityKinds.Domain, found, cancellationToken)).Value;
    }

    /// <summary>A user, project or group by name within a domain, or null.</summary>
    public async Task<Shared.Storage.Document<T>?> FindByNameAsync<T>(string kind, string domainId, string name, CancellationToken cancellationToken)
    {
        var id = await store.FindByKeyAsync(kind, NameKey(domainId, name), cancellationToken);
        return id is null ? null : await store.GetAsync<T>(kind, id, cancellationToken);
    }
}

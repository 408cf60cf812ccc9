using FuncCloud.Functions.Identity.Storage;
using FuncCloud.Shared.OpenStack.Errors;
using FuncCloud.Shared.Storage;

namespace FuncCloud.Functions.Identity.Services;

/// <summary>
/// Writes of resources that own a unique name, mapping the storage exceptions to keystone's 409s in one
/// place: a taken name says which name (and domain), a lost compare-and-swap asks the client to retry.
/// </summary>
internal static class NamedIdentityWrites
{
    /// <summary>Inserts a named resource; <c>domainId</c> is the domain the conflict message names (null: keystone names none).</summary>
    /// <exception cref="ConflictException">The name is taken.</exception>
    public static async Task InsertNamedAsync<T>(this IdentityStore store, string kind, string id, T value, string nameKey, string name, string? domainId, CancellationToken cancellationToken)
    {
        try
        {
            await store.InsertAsync(kind, id, value, nameKey, cancellationToken);
        }
        catch (DuplicateKeyException)
        {
            throw DuplicateName(kind, name, domainId);
        }
    }

    /// <summary>
    /// Replaces a named resource (compare-and-swap), moving its name key; <c>domainId</c> is the domain the
    /// conflict message names (null: keystone names none).
    /// </summary>
    /// <exception cref="ConflictException">The new name is taken, or the resource changed since it was read.</exception>
    public static async Task ReplaceNamedAsync<T>(this IdentityStore store, string kind, Document<T> current, T updated, string oldNameKey, string newNameKey, string newName, string? domainId, CancellationToken cancellationToken)
    {
        try
        {
            await store.ReplaceAsync(kind, current, updated, oldNameKey, newNameKey, cancellationToken);
        }
        catch (DuplicateKeyException)
        {
            throw DuplicateName(kind, newName, domainId);
        }
        catch (ConcurrencyException)
        {
            throw new ConflictException($"{char.ToUpperInvariant(kind[0])}{kind[1..]} {current.Id} was changed concurrently; retry.");
        }
    }

    // Keystone's own wording (its SQL backend's duplicate-entry message); the noun is keystone's resource name.
    private static ConflictException DuplicateName(string kind, string name, string? domainId)
    {
        var noun = kind == IdentityKinds.ApplicationCredential ? "application_credential" : kind;
        var where = domainId is null ? string.Empty : $" at domain ID {domainId}";
        return new ConflictException($"Conflict occurred attempting to store {noun} - Duplicate entry found with name {name}{where}.");
    }
}

using System.Security.Cryptography;
using System.Text.Json.Nodes;
using FuncCloud.Functions.Identity.Model;
using FuncCloud.Functions.Identity.Storage;
using FuncCloud.Shared.OpenStack;
using FuncCloud.Shared.OpenStack.Errors;
using FuncCloud.Shared.Security;
using FuncCloud.Shared.Security.Fernet;

namespace FuncCloud.Functions.Identity.Services;

/// <summary>An application credential with its secret: returned once, at creation.</summary>
public sealed record CreatedApplicationCredential(ApplicationCredential Credential, string Secret);

/// <summary>Application credentials: created by a user for the project of their token, with a subset of its roles.</summary>
public sealed class ApplicationCredentialService(IdentityStore store, IdentityLookup lookup, IdentityPolicies policy, PasswordHasher hasher, IdentitySnapshotCache snapshots, TimeProvider clock)
{
    /// <summary>Creates a credential; the secret is generated unless given and is never readable again.</summary>
    public async Task<CreatedApplicationCredential> CreateAsync(RequestContext caller, string userId, JsonObject body, CancellationToken cancellationToken)
    {
        policy.Enforce("manage_application_credentials", caller, ("target.user.id", userId));
        if (caller.ProjectId is null)
        {
            throw new ForbiddenException("Application credentials are created with a project-scoped token.");
        }

        if (caller.ApplicationCredentialId is not null)
        {
            throw new ForbiddenException("An application credential cannot create another one.");
        }

        var name = body.RequireName("name");
        var expires = body.OptionalTimestamp("expires_at");
        if (expires <= clock.GetUtcNow())
        {
            throw new BadRequestException("Invalid input for field 'expires_at': the time is in the past.");
        }

        var snapshot = await snapshots.GetAsync(cancellationToken);
        var callerRoles = snapshot.Roles.Where(r => caller.HasRole(r.Name)).ToList();
        var requested = new List<Role>();
        foreach (var roleRef in body.OptionalArray("roles") ?? [])
        {
            var entry = roleRef as JsonObject ?? throw JsonRequest.Invalid("roles", roleRef, "role reference object");
            var id = entry.OptionalString("id");
            var roleName = entry.OptionalString("name");
            requested.Add(callerRoles.FirstOrDefault(r => r.Id == id || (id is null && string.Equals(r.Name, roleName, StringComparison.OrdinalIgnoreCase)))
                ?? throw new ForbiddenException($"The role {id ?? roleName} is not held by the caller on project {caller.ProjectId}."));
        }

        var secret = body.OptionalString("secret", 4096) ?? Base64Url.Encode(RandomNumberGenerator.GetBytes(48), padded: false);
        var roleIds = (requested.Count > 0 ? requested : callerRoles).Select(r => r.Id).Distinct().ToList();
        var credential = new ApplicationCredential(Guid.NewGuid().ToString("N"), name, userId, caller.ProjectId, body.OptionalString("description") ?? string.Empty,
            hasher.Hash(secret), expires, body.OptionalBool("unrestricted") ?? false, roleIds);
        await store.InsertNamedAsync(IdentityKinds.ApplicationCredential, credential.Id, credential, IdentityLookup.NameKey(userId, name), name, null, cancellationToken);

        return new CreatedApplicationCredential(credential, secret);
    }

    /// <summary>One credential of a user.</summary>
    public async Task<ApplicationCredential> GetAsync(RequestContext caller, string userId, string credentialId, CancellationToken cancellationToken)
    {
        policy.Enforce("read_application_credentials", caller, ("target.user.id", userId));
        var credential = (await store.GetAsync<ApplicationCredential>(IdentityKinds.ApplicationCredential, credentialId, cancellationToken))?.Value;
        return credential is not null && credential.UserId == userId ? credential : throw new ResourceNotFoundException("application credential", credentialId);
    }

    /// <summary>A user's credentials, optionally by name.</summary>
    public async Task<IReadOnlyList<ApplicationCredential>> ListAsync(RequestContext caller, string userId, string? name, CancellationToken cancellationToken)
    {
        policy.Enforce("read_application_credentials", caller, ("target.user.id", userId));
        return (await store.ListAsync<ApplicationCredential>(IdentityKinds.ApplicationCredential, cancellationToken)).Select(c => c.Value)
            .Where(c => c.UserId == userId && (name is null || c.Name == name)).ToList();
    }

    /// <summary>Deletes a credential (tokens issued with it stop validating: the credential is looked up on validation).</summary>
    public async Task DeleteAsync(RequestContext caller, string userId, string credentialId, CancellationToken cancellationToken)
    {
        policy.Enforce("manage_application_credentials", caller, ("target.user.id", userId));
        var credential = (await lookup.RequireAsync<ApplicationCredential>(IdentityKinds.ApplicationCredential, credentialId, cancellationToken)).Value;
        if (credential.UserId != userId)
        {
            throw new ResourceNotFoundException("application credential", credentialId);
        }

        await store.DeleteAsync(IdentityKinds.ApplicationCredential, credentialId, IdentityLookup.NameKey(userId, credential.Name), cancellationToken);
    }
}

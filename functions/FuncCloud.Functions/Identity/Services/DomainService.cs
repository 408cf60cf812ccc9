using System.Text.Json.Nodes;
using FuncCloud.Functions.Identity.Model;
using FuncCloud.Functions.Identity.Storage;
using FuncCloud.Shared.OpenStack;
using FuncCloud.Shared.OpenStack.Errors;
using FuncCloud.Shared.Security;

namespace FuncCloud.Functions.Identity.Services;

/// <summary>Domains: CRUD. A domain is deleted only when disabled and empty.</summary>
public sealed class DomainService(IdentityStore store, IdentityLookup lookup, IdentityPolicies policy)
{
    /// <summary>Creates a domain (the bootstrapper passes no caller and a fixed id).</summary>
    public async Task<Domain> CreateAsync(RequestContext? caller, JsonObject body, string? id, CancellationToken cancellationToken)
    {
        if (caller is not null)
        {
            policy.Enforce("create_domain", caller);
        }

        var name = body.RequireName("name", 64);
        var domain = new Domain(id ?? Guid.NewGuid().ToString("N"), name, body.OptionalString("description") ?? string.Empty, body.OptionalBool("enabled") ?? true, body.OptionalStringList("tags") ?? []);
        await store.InsertNamedAsync(IdentityKinds.Domain, domain.Id, domain, name.ToLowerInvariant(), name, null, cancellationToken);

        return domain;
    }

    /// <summary>One domain.</summary>
    public async Task<Domain> GetAsync(RequestContext caller, string domainId, CancellationToken cancellationToken)
    {
        policy.Enforce("get_domain", caller, ("target.domain.id", domainId));
        return (await lookup.RequireAsync<Domain>(IdentityKinds.Domain, domainId, cancellationToken)).Value;
    }

    /// <summary>Domains filtered by name and enabled.</summary>
    public async Task<IReadOnlyList<Domain>> ListAsync(RequestContext caller, string? name, bool? enabled, CancellationToken cancellationToken)
    {
        policy.Enforce("list_domains", caller);
        return (await store.ListAsync<Domain>(IdentityKinds.Domain, cancellationToken)).Select(d => d.Value)
            .Where(d => (name is null || d.Name == name) && (enabled is null || d.Enabled == enabled))
            .OrderBy(d => d.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>Updates name, description, enabled, tags.</summary>
    public async Task<Domain> UpdateAsync(RequestContext caller, string domainId, JsonObject body, CancellationToken cancellationToken)
    {
        policy.Enforce("update_domain", caller);
        var current = await lookup.RequireAsync<Domain>(IdentityKinds.Domain, domainId, cancellationToken);
        var domain = current.Value;
        var updated = domain with
        {
            Name = body.ContainsKey("name") ? body.RequireName("name", 64) : domain.Name,
            Description = body.ContainsKey("description") ? body.OptionalString("description") ?? string.Empty : domain.Description,
            Enabled = body.OptionalBool("enabled") ?? domain.Enabled,
            Tags = body.OptionalStringList("tags") ?? domain.Tags,
        };
        await store.ReplaceNamedAsync(IdentityKinds.Domain, current, updated, domain.Name.ToLowerInvariant(), updated.Name.ToLowerInvariant(), updated.Name, null, cancellationToken);

        return updated;
    }

    /// <summary>Deletes a disabled domain that holds no projects, users or groups.</summary>
    public async Task DeleteAsync(RequestContext caller, string domainId, CancellationToken cancellationToken)
    {
        policy.Enforce("delete_domain", caller);
        var domain = (await lookup.RequireAsync<Domain>(IdentityKinds.Domain, domainId, cancellationToken)).Value;
        if (domain.Enabled)
        {
            throw new ForbiddenException("Cannot delete a domain that is enabled, please disable it first.");
        }

        if ((await store.ListAsync<Project>(IdentityKinds.Project, cancellationToken)).Any(p => p.Value.DomainId == domainId) ||
            (await store.ListAsync<User>(IdentityKinds.User, cancellationToken)).Any(u => u.Value.DomainId == domainId) ||
            (await store.ListAsync<Group>(IdentityKinds.Group, cancellationToken)).Any(g => g.Value.DomainId == domainId))
        {
            throw new ConflictException($"Domain {domainId} still holds projects, users or groups: delete them first.");
        }

        await store.DeleteAsync(IdentityKinds.Domain, domainId, domain.Name.ToLowerInvariant(), cancellationToken);
    }
}

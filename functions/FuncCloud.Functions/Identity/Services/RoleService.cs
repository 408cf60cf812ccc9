using System.Text.Json.Nodes;
using FuncCloud.Functions.Identity.Model;
using FuncCloud.Functions.Identity.Storage;
using FuncCloud.Shared.OpenStack;
using FuncCloud.Shared.OpenStack.Errors;
using FuncCloud.Shared.Security;

namespace FuncCloud.Functions.Identity.Services;

/// <summary>Roles and implied-role rules.</summary>
public sealed class RoleService(IdentityStore store, IdentityLookup lookup, IdentityPolicies policy)
{
    /// <summary>The unique key of a role name (global roles use the empty domain).</summary>
    public static string RoleKey(string? domainId, string name) => IdentityLookup.NameKey(domainId ?? string.Empty, name);

    /// <summary>Creates a role (the bootstrapper passes no caller).</summary>
    public async Task<Role> CreateAsync(RequestContext? caller, JsonObject body, CancellationToken cancellationToken)
    {
        if (caller is not null)
        {
            policy.Enforce("create_role", caller);
        }

        var name = body.RequireName("name", 255);
        var role = new Role(Guid.NewGuid().ToString("N"), name, body.OptionalString("domain_id"), body.OptionalString("description"));
        await store.InsertNamedAsync(IdentityKinds.Role, role.Id, role, RoleKey(role.DomainId, name), name, null, cancellationToken);

        return role;
    }

    /// <summary>One role.</summary>
    public async Task<Role> GetAsync(RequestContext caller, string roleId, CancellationToken cancellationToken)
    {
        policy.Enforce("get_role", caller);
        return (await lookup.RequireAsync<Role>(IdentityKinds.Role, roleId, cancellationToken)).Value;
    }

    /// <summary>Roles filtered by name and domain.</summary>
    public async Task<IReadOnlyList<Role>> ListAsync(RequestContext caller, string? name, string? domainId, CancellationToken cancellationToken)
    {
        policy.Enforce("list_roles", caller);
        return (await store.ListAsync<Role>(IdentityKinds.Role, cancellationToken)).Select(r => r.Value)
            .Where(r => (name is null || r.Name == name) && r.DomainId == domainId)
            .OrderBy(r => r.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>Renames or re-describes a role.</summary>
    public async Task<Role> UpdateAsync(RequestContext caller, string roleId, JsonObject body, CancellationToken cancellationToken)
    {
        policy.Enforce("update_role", caller);
        var current = await lookup.RequireAsync<Role>(IdentityKinds.Role, roleId, cancellationToken);
        var role = current.Value;
        var updated = role with
        {
            Name = body.ContainsKey("name") ? body.RequireName("name") : role.Name,
            Description = body.ContainsKey("description") ? body.OptionalString("description") : role.Description,
        };
        await store.ReplaceNamedAsync(IdentityKinds.Role, current, updated, RoleKey(role.DomainId, role.Name), RoleKey(role.DomainId, updated.Name), updated.Name, null, cancellationToken);

        return updated;
    }

    /// <summary>Deletes a role, its grants and implication rules.</summary>
    public async Task DeleteAsync(RequestContext caller, string roleId, CancellationToken cancellationToken)
    {
        policy.Enforce("delete_role", caller);
        var role = (await lookup.RequireAsync<Role>(IdentityKinds.Role, roleId, cancellationToken)).Value;
        await store.DeleteWhereAsync<RoleAssignment>(IdentityKinds.Assignment, a => a.RoleId == roleId, null, cancellationToken);
        await store.DeleteWhereAsync<ImpliedRole>(IdentityKinds.ImpliedRole, i => i.PriorRoleId == roleId || i.ImpliedRoleId == roleId, null, cancellationToken);
        await store.DeleteAsync(IdentityKinds.Role, roleId, RoleKey(role.DomainId, role.Name), cancellationToken);
    }

    /// <summary>Makes <paramref name="priorId"/> imply <paramref name="impliedId"/> (idempotent; cycles refused).</summary>
    public async Task<(Role Prior, Role Implied)> CreateImplicationAsync(RequestContext? caller, string priorId, string impliedId, CancellationToken cancellationToken)
    {
        if (caller is not null)
        {
            policy.Enforce("manage_implied_roles", caller);
        }

        var prior = (await lookup.RequireAsync<Role>(IdentityKinds.Role, priorId, cancellationToken)).Value;
        var implied = (await lookup.RequireAsync<Role>(IdentityKinds.Role, impliedId, cancellationToken)).Value;
        var rules = (await store.ListAsync<ImpliedRole>(IdentityKinds.ImpliedRole, cancellationToken)).Select(r => r.Value).ToList();
        if (priorId == impliedId || Implies(rules, impliedId, priorId))
        {
            throw new ForbiddenException($"Role {impliedId} implying {priorId} would create a cycle.");
        }

        var rule = new ImpliedRole(priorId, impliedId);
        await store.InsertIfAbsentAsync(IdentityKinds.ImpliedRole, rule.Key, rule, cancellationToken);

        return (prior, implied);
    }

    /// <summary>404 unless the rule exists; returns both roles.</summary>
    public async Task<(Role Prior, Role Implied)> GetImplicationAsync(RequestContext caller, string priorId, string impliedId, CancellationToken cancellationToken)
    {
        policy.Enforce("list_implied_roles", caller);
        _ = await store.GetAsync<ImpliedRole>(IdentityKinds.ImpliedRole, new ImpliedRole(priorId, impliedId).Key, cancellationToken)
            ?? throw new ResourceNotFoundException("implied role", $"{priorId} implies {impliedId}");
        return ((await lookup.RequireAsync<Role>(IdentityKinds.Role, priorId, cancellationToken)).Value, (await lookup.RequireAsync<Role>(IdentityKinds.Role, impliedId, cancellationToken)).Value);
    }

    /// <summary>Removes an implication rule.</summary>
    public async Task DeleteImplicationAsync(RequestContext caller, string priorId, string impliedId, CancellationToken cancellationToken)
    {
        policy.Enforce("manage_implied_roles", caller);
        var key = new ImpliedRole(priorId, impliedId).Key;
        _ = await store.GetAsync<ImpliedRole>(IdentityKinds.ImpliedRole, key, cancellationToken) ?? throw new ResourceNotFoundException("implied role", $"{priorId} implies {impliedId}");
        await store.DeleteAsync(IdentityKinds.ImpliedRole, key, null, cancellationToken);
    }

    /// <summary>The roles <paramref name="priorId"/> directly implies.</summary>
    public async Task<(Role Prior, IReadOnlyList<Role> Implies)> ListImplicationsAsync(RequestContext caller, string priorId, CancellationToken cancellationToken)
    {
        policy.Enforce("list_implied_roles", caller);
        var prior = (await lookup.RequireAsync<Role>(IdentityKinds.Role, priorId, cancellationToken)).Value;
        var roles = (await store.ListAsync<Role>(IdentityKinds.Role, cancellationToken)).ToDictionary(r => r.Id, r => r.Value);
        var implied = (await store.ListAsync<ImpliedRole>(IdentityKinds.ImpliedRole, cancellationToken))
            .Where(r => r.Value.PriorRoleId == priorId).Select(r => roles.GetValueOrDefault(r.Value.ImpliedRoleId)).OfType<Role>().ToList();
        return (prior, implied);
    }

    private static bool Implies(IReadOnlyList<ImpliedRole> rules, string from, string to)
    {
        var seen = new HashSet<string>();
        var pending = new Stack<string>([from]);
        while (pending.TryPop(out var current))
        {
            if (current == to)
            {
                return true;
            }

            foreach (var next in rules.Where(r => r.PriorRoleId == current && seen.Add(r.ImpliedRoleId)))
            {
                pending.Push(next.ImpliedRoleId);
            }
        }

        return false;
    }
}

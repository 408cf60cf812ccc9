using FuncCloud.Functions.Identity.Model;

namespace FuncCloud.Functions.Identity.Storage;

/// <summary>
/// The small, hot part of the identity data at one revision: what token issue and validation need
/// (roles, grants, memberships, the catalog, revocation events).
/// </summary>
public sealed record IdentitySnapshot(
    long Revision,
    IReadOnlyList<Domain> Domains,
    IReadOnlyList<Role> Roles,
    IReadOnlyList<ImpliedRole> ImpliedRoles,
    IReadOnlyList<RoleAssignment> Assignments,
    IReadOnlyList<Membership> Memberships,
    IReadOnlyList<Region> Regions,
    IReadOnlyList<CatalogService> Services,
    IReadOnlyList<Endpoint> Endpoints,
    IReadOnlyList<RevocationEvent> Revocations)
{
    /// <summary>The groups <paramref name="userId"/> belongs to.</summary>
    public IEnumerable<string> GroupsOf(string userId) => Memberships.Where(m => m.UserId == userId).Select(m => m.GroupId);

    /// <summary>The role ids implied by <paramref name="roleIds"/>, transitively, the given ones included.</summary>
    public IReadOnlyList<string> Expand(IEnumerable<string> roleIds)
    {
        var result = new HashSet<string>(roleIds);
        var pending = new Queue<string>(result);
        while (pending.TryDequeue(out var roleId))
        {
            foreach (var implied in ImpliedRoles.Where(i => i.PriorRoleId == roleId))
            {
                if (result.Add(implied.ImpliedRoleId))
                {
                    pending.Enqueue(implied.ImpliedRoleId);
                }
            }
        }

        return result.ToList();
    }

    /// <summary>The effective role ids of a user on a target: direct and group grants, then implied roles.</summary>
    public IReadOnlyList<string> EffectiveRoles(string userId, string targetType, string targetId, string? projectDomainId = null)
    {
        var groups = GroupsOf(userId).ToHashSet();
        var direct = Assignments
            .Where(a => (a.ActorType == ActorTypes.User && a.ActorId == userId) || (a.ActorType == ActorTypes.Group && groups.Contains(a.ActorId)))
            .Where(a => (!a.Inherited && a.TargetType == targetType && a.TargetId == targetId) ||
                        (a.Inherited && targetType == TargetTypes.Project && a.TargetType == TargetTypes.Domain && a.TargetId == projectDomainId))
            .Select(a => a.RoleId);
        return Expand(direct);
    }

    /// <summary>The role with <paramref name="id"/>, or null.</summary>
    public Role? RoleById(string id) => Roles.FirstOrDefault(r => r.Id == id);

    /// <summary>The domain with <paramref name="id"/>, or null.</summary>
    public Domain? DomainById(string id) => Domains.FirstOrDefault(d => d.Id == id);
}

using FuncCloud.Functions.Identity.Api;
using FuncCloud.Functions.Identity.Model;
using FuncCloud.Functions.Identity.Storage;
using FuncCloud.Shared.Security;

namespace FuncCloud.Functions.Identity.Services;

/// <summary>
/// <c>GET /v3/role_assignments</c>: filters, <c>effective</c> (group grants expanded to their members and
/// implied roles added) and <c>include_names</c>.
/// </summary>
public sealed class RoleAssignmentQuery(IdentityStore store, IdentityPolicies policy, IdentitySnapshotCache snapshots)
{
    private sealed record Entry(RoleAssignment Assignment, string? ViaGroup);

    /// <summary>The matching assignments.</summary>
    public async Task<IReadOnlyList<RoleAssignmentView>> ListAsync(RequestContext caller, RoleAssignmentFilter filter, string v3Url, CancellationToken cancellationToken)
    {
        policy.Enforce("list_role_assignments", caller, ("target.project.id", filter.ProjectId), ("target.domain_id", filter.DomainId));
        var snapshot = await snapshots.GetAsync(cancellationToken);
        IEnumerable<Entry> entries = snapshot.Assignments.Select(a => new Entry(a, null));
        if (filter.Effective)
        {
            entries = entries.SelectMany(e => e.Assignment.ActorType == ActorTypes.Group
                ? snapshot.Memberships.Where(m => m.GroupId == e.Assignment.ActorId).Select(m => new Entry(e.Assignment with { ActorType = ActorTypes.User, ActorId = m.UserId }, e.Assignment.ActorId))
                : [e]);
            entries = entries.SelectMany(e => snapshot.Expand([e.Assignment.RoleId]).Select(r => e with { Assignment = e.Assignment with { RoleId = r } })).Distinct();
        }

        var matches = entries.Where(e =>
            (filter.UserId is null || (e.Assignment.ActorType == ActorTypes.User && e.Assignment.ActorId == filter.UserId)) &&
            (filter.GroupId is null || (e.Assignment.ActorType == ActorTypes.Group && e.Assignment.ActorId == filter.GroupId)) &&
            (filter.RoleId is null || e.Assignment.RoleId == filter.RoleId) &&
            (filter.ProjectId is null || (e.Assignment.TargetType == TargetTypes.Project && e.Assignment.TargetId == filter.ProjectId)) &&
            (filter.DomainId is null || (e.Assignment.TargetType == TargetTypes.Domain && e.Assignment.TargetId == filter.DomainId)) &&
            (!filter.System || e.Assignment.TargetType == TargetTypes.System)).ToList();

        var names = new NameCache(store, snapshot, filter.IncludeNames);
        var views = new List<RoleAssignmentView>();
        foreach (var (a, viaGroup) in matches)
        {
            var role = snapshot.RoleById(a.RoleId);
            var link = $"{v3Url}/{a.TargetType}s/{a.TargetId}/{a.ActorType}s/{a.ActorId}/roles/{a.RoleId}";
            var links = new Dictionary<string, string> { ["assignment"] = link };
            if (viaGroup is not null)
            {
                links["membership"] = $"{v3Url}/groups/{viaGroup}/users/{a.ActorId}";
            }

            object scope = a.TargetType switch
            {
                TargetTypes.Project => await names.ProjectAsync(a.TargetId, cancellationToken),
                TargetTypes.Domain => names.Domain(a.TargetId),
                _ => new Dictionary<string, bool> { ["all"] = true },
            };
            views.Add(new RoleAssignmentView(
                new NamedRef(a.RoleId, filter.IncludeNames ? role?.Name : null),
                new Dictionary<string, object> { [a.TargetType] = scope },
                a.ActorType == ActorTypes.User ? await names.ActorAsync(IdentityKinds.User, a.ActorId, cancellationToken) : null,
                a.ActorType == ActorTypes.Group ? await names.ActorAsync(IdentityKinds.Group, a.ActorId, cancellationToken) : null,
                links,
                a.Inherited ? "projects" : null));
        }

        return views;
    }

    private sealed class NameCache(IdentityStore store, IdentitySnapshot snapshot, bool enabled)
    {
        private readonly Dictionary<string, NamedRef> _cache = [];

        public NamedRef Domain(string id) => enabled ? new NamedRef(id, snapshot.DomainById(id)?.Name) : new NamedRef(id);

        public async Task<NamedRef> ProjectAsync(string id, CancellationToken cancellationToken)
        {
            if (!enabled)
            {
                return new NamedRef(id);
            }

            if (!_cache.TryGetValue("p" + id, out var named))
            {
                var project = (await store.GetAsync<Project>(IdentityKinds.Project, id, cancellationToken))?.Value;
                named = new NamedRef(id, project?.Name, project is null ? null : DomainRefOf(project.DomainId));
                _cache["p" + id] = named;
            }

            return named;
        }

        public async Task<NamedRef> ActorAsync(string kind, string id, CancellationToken cancellationToken)
        {
            if (!enabled)
            {
                return new NamedRef(id);
            }

            if (!_cache.TryGetValue(kind + id, out var named))
            {
                (string Name, string DomainId)? found = kind == IdentityKinds.User
                    ? (await store.GetAsync<User>(kind, id, cancellationToken))?.Value is { } u ? (u.Name, u.DomainId) : null
                    : (await store.GetAsync<Group>(kind, id, cancellationToken))?.Value is { } g ? (g.Name, g.DomainId) : null;
                named = found is { } f ? new NamedRef(id, f.Name, DomainRefOf(f.DomainId)) : new NamedRef(id);
                _cache[kind + id] = named;
            }

            return named;
        }

        private DomainRef DomainRefOf(string domainId) => new(domainId, snapshot.DomainById(domainId)?.Name ?? domainId);
    }
}

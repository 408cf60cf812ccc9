using System.Text.Json.Nodes;
using FuncCloud.Functions.Identity.Model;
using FuncCloud.Functions.Identity.Storage;
using FuncCloud.Functions.Identity.Tokens;
using FuncCloud.Shared.OpenStack;
using FuncCloud.Shared.OpenStack.Errors;
using FuncCloud.Shared.Security;

namespace FuncCloud.Functions.Identity.Services;

/// <summary>Projects: create, read, list, update, delete.</summary>
public sealed class ProjectService(IdentityStore store, IdentityLookup lookup, IdentityPolicies policy, RevocationService revocations)
{
    /// <summary>Creates a project (in the caller's domain unless <c>domain_id</c> says otherwise).</summary>
    public async Task<Project> CreateAsync(RequestContext caller, JsonObject body, CancellationToken cancellationToken)
    {
        var name = body.RequireName("name", 64);
        var domainId = body.OptionalString("domain_id") ?? caller.DomainId ?? caller.ProjectDomainId ?? "default";
        policy.Enforce("create_project", caller, ("target.project.domain_id", domainId), ("target.domain_id", domainId));
        if (body.OptionalBool("is_domain") == true)
        {
            throw new BadRequestException("Projects acting as domains are not supported: create a domain instead.");
        }

        await lookup.DomainAsync(domainId, null, cancellationToken);
        var parentId = body.OptionalString("parent_id");
        if (parentId is not null && parentId != domainId)
        {
            var parent = await store.GetAsync<Project>(IdentityKinds.Project, parentId, cancellationToken)
                ?? throw new BadRequestException($"The parent project {parentId} does not exist.");
            if (parent.Value.DomainId != domainId)
            {
                throw new BadRequestException("A project must be in the same domain as its parent.");
            }
        }

        var project = new Project(Guid.NewGuid().ToString("N"), name, domainId, body.OptionalString("description") ?? string.Empty,
            body.OptionalBool("enabled") ?? true, parentId ?? domainId, false, body.OptionalStringList("tags") ?? []);
        await store.InsertNamedAsync(IdentityKinds.Project, project.Id, project, IdentityLookup.NameKey(domainId, name), name, domainId, cancellationToken);

        return project;
    }

    /// <summary>One project.</summary>
    public async Task<Project> GetAsync(RequestContext caller, string projectId, CancellationToken cancellationToken)
    {
        var project = await store.GetAsync<Project>(IdentityKinds.Project, projectId, cancellationToken);
        policy.Enforce("get_project", caller, ("target.project.id", projectId), ("target.domain_id", project?.Value.DomainId));
        return project?.Value ?? throw new ResourceNotFoundException(IdentityKinds.Project, projectId);
    }

    /// <summary>Projects matching the filters (name, domain_id, enabled, parent_id).</summary>
    public async Task<IReadOnlyList<Project>> ListAsync(RequestContext caller, string? name, string? domainId, bool? enabled, string? parentId, CancellationToken cancellationToken)
    {
        policy.Enforce("list_projects", caller, ("target.domain_id", domainId));
        return (await store.ListAsync<Project>(IdentityKinds.Project, cancellationToken)).Select(d => d.Value)
            .Where(p => name is null || p.Name == name)
            .Where(p => domainId is null || p.DomainId == domainId)
            .Where(p => enabled is null || p.Enabled == enabled)
            .Where(p => parentId is null || p.ParentId == parentId)
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Updates name, description, enabled or tags; disabling revokes the project's tokens.</summary>
    public async Task<Project> UpdateAsync(RequestContext caller, string projectId, JsonObject body, CancellationToken cancellationToken)
    {
        var current = await lookup.RequireAsync<Project>(IdentityKinds.Project, projectId, cancellationToken);
        var project = current.Value;
        policy.Enforce("update_project", caller, ("target.project.domain_id", project.DomainId), ("target.domain_id", project.DomainId));
        if (body.OptionalString("domain_id") is { } domainId && domainId != project.DomainId)
        {
            throw new BadRequestException("Update of `domain_id` is not allowed.");
        }

        var updated = project with
        {
            Name = body.ContainsKey("name") ? body.RequireName("name", 64) : project.Name,
            Description = body.ContainsKey("description") ? body.OptionalString("description") ?? string.Empty : project.Description,
            Enabled = body.OptionalBool("enabled") ?? project.Enabled,
            Tags = body.OptionalStringList("tags") ?? project.Tags,
        };
        await store.ReplaceNamedAsync(IdentityKinds.Project, current, updated, IdentityLookup.NameKey(project.DomainId, project.Name), IdentityLookup.NameKey(updated.DomainId, updated.Name),
            updated.Name, updated.DomainId, cancellationToken);

        if (project.Enabled && !updated.Enabled)
        {
            await revocations.RevokeAsync(projectId: projectId, cancellationToken: cancellationToken);
        }

        return updated;
    }

    /// <summary>Deletes a project without children, its grants, and revokes its tokens.</summary>
    public async Task DeleteAsync(RequestContext caller, string projectId, CancellationToken cancellationToken)
    {
        var project = (await lookup.RequireAsync<Project>(IdentityKinds.Project, projectId, cancellationToken)).Value;
        policy.Enforce("delete_project", caller, ("target.project.domain_id", project.DomainId), ("target.domain_id", project.DomainId));
        if ((await store.ListAsync<Project>(IdentityKinds.Project, cancellationToken)).Any(p => p.Value.ParentId == projectId))
        {
            throw new ForbiddenException($"Cannot delete project {projectId}: it has child projects.");
        }

        await revocations.RevokeAsync(projectId: projectId, cancellationToken: cancellationToken);
        await store.DeleteWhereAsync<RoleAssignment>(IdentityKinds.Assignment, a => a.TargetType == TargetTypes.Project && a.TargetId == projectId, null, cancellationToken);
        await store.DeleteAsync(IdentityKinds.Project, projectId, IdentityLookup.NameKey(project.DomainId, project.Name), cancellationToken);
    }
}

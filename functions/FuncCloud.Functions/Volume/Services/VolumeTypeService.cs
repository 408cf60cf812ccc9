using System.Text.Json.Nodes;
using FuncCloud.Shared.OpenStack;
using FuncCloud.Shared.OpenStack.Errors;
using FuncCloud.Shared.Security.Policy;
using FuncCloud.Shared.Storage;
using FuncCloud.Shared.Volume.Api;
using FuncCloud.Shared.Volume.Types;

namespace FuncCloud.Functions.Volume.Services;

/// <summary>Volume types: <c>__DEFAULT__</c>, admin-managed types with extra specs, private types with project access.</summary>
public sealed class VolumeTypeService(VolumeTypeRepository types, PolicyEnforcer policy)
{
    /// <summary>The type <paramref name="idOrName"/> as the caller may see it.</summary>
    /// <exception cref="VolumeResourceNotFoundException">Missing or private to other projects.</exception>
    public async Task<VolumeTypeRecord> GetAsync(VolumeCall call, string idOrName, CancellationToken cancellationToken)
    {
        var type = await types.FindAsync(idOrName, cancellationToken);
        return type is not null && type.IsVisibleTo(call.ProjectId, IsAdmin(call)) ? type : throw VolumeResourceNotFoundException.VolumeType(idOrName);
    }

    /// <summary>The default type (<c>__DEFAULT__</c>).</summary>
    public async Task<VolumeTypeRecord> DefaultAsync(CancellationToken cancellationToken) =>
        await types.FindAsync(VolumeTypeRecord.DefaultName, cancellationToken) ?? throw VolumeResourceNotFoundException.VolumeType(VolumeTypeRecord.DefaultName);

    /// <summary>The types visible to the caller (<c>is_public</c> filters for admins).</summary>
    public async Task<IReadOnlyList<VolumeTypeRecord>> ListAsync(VolumeCall call, CancellationToken cancellationToken)
    {
        policy.Enforce(VolumePolicies.ReadTypes, call.Caller, VolumeCall.Target(call.ProjectId));
        var admin = IsAdmin(call);
        var isPublic = call.Query("is_public")?.ToLowerInvariant();
        return (await types.ListAsync(cancellationToken))
            .Where(t => t.IsVisibleTo(call.ProjectId, admin))
            .Where(t => !admin || isPublic is null or "none" || t.IsPublic == (isPublic is "true" or "1"))
            .OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary><c>POST /types</c> (admin).</summary>
    public async Task<VolumeTypeRecord> CreateAsync(VolumeCall call, JsonObject body, CancellationToken cancellationToken)
    {
        policy.Enforce(VolumePolicies.ManageTypes, call.Caller);
        var request = body.RequireObject("volume_type");
        var name = request.RequireString("name").Trim();
        var type = new VolumeTypeRecord(
            Guid.NewGuid().ToString(), name, request.OptionalString("description", 255),
            request.OptionalBool("os-volume-type-access:is_public") ?? request.OptionalBool("is_public") ?? true,
            Specs(request.OptionalObject("extra_specs")), []);
        try
        {
            await types.InsertAsync(type, cancellationToken);
        }
        catch (DuplicateKeyException)
        {
            throw new ConflictException($"Volume Type {name} already exists.");
        }

        return type;
    }

    /// <summary><c>PUT /types/{id}</c> (admin): name, description, is_public.</summary>
    public async Task<VolumeTypeRecord> UpdateAsync(VolumeCall call, string id, JsonObject body, CancellationToken cancellationToken)
    {
        policy.Enforce(VolumePolicies.ManageTypes, call.Caller);
        var request = body.RequireObject("volume_type");
        var existing = await GetAsync(call, id, cancellationToken);
        try
        {
            return await types.UpdateAsync(existing.Id, t => t with
            {
                Name = request.OptionalString("name", 255) ?? t.Name,
                Description = request.ContainsKey("description") ? request.OptionalString("description", 255) : t.Description,
                IsPublic = request.OptionalBool("is_public") ?? t.IsPublic,
            }, cancellationToken) ?? throw VolumeResourceNotFoundException.VolumeType(id);
        }
        catch (DuplicateKeyException)
        {
            throw new ConflictException($"Volume Type {request.OptionalString("name")} already exists.");
        }
    }

    /// <summary><c>DELETE /types/{id}</c> (admin; the default type stays).</summary>
    public async Task DeleteAsync(VolumeCall call, string id, CancellationToken cancellationToken)
    {
        policy.Enforce(VolumePolicies.ManageTypes, call.Caller);
        var type = await GetAsync(call, id, cancellationToken);
        if (type.Name == VolumeTypeRecord.DefaultName)
        {
            throw new BadRequestException("Default volume type can not be deleted.");
        }

        await types.DeleteAsync(type, cancellationToken);
    }

    /// <summary>Sets extra specs (admin).</summary>
    public async Task<IReadOnlyDictionary<string, string>> SetSpecsAsync(VolumeCall call, string id, JsonObject body, CancellationToken cancellationToken)
    {
        policy.Enforce(VolumePolicies.ManageTypes, call.Caller);
        var specs = Specs(body.RequireObject("extra_specs"));
        var type = await GetAsync(call, id, cancellationToken);
        await types.UpdateAsync(type.Id, t => t with { ExtraSpecs = new Dictionary<string, string>(t.ExtraSpecs.Concat(specs).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value)) }, cancellationToken);
        return specs;
    }

    /// <summary>Deletes one extra spec (admin).</summary>
    public async Task DeleteSpecAsync(VolumeCall call, string id, string key, CancellationToken cancellationToken)
    {
        policy.Enforce(VolumePolicies.ManageTypes, call.Caller);
        var type = await GetAsync(call, id, cancellationToken);
        if (!type.ExtraSpecs.ContainsKey(key))
        {
            throw new VolumeResourceNotFoundException("Volume Type extra spec", $"{key} for type {type.Id}");
        }

        await types.UpdateAsync(type.Id, t => t with { ExtraSpecs = t.ExtraSpecs.Where(p => p.Key != key).ToDictionary() }, cancellationToken);
    }

    /// <summary>Grants or revokes a project's access to a private type (admin).</summary>
    public async Task SetAccessAsync(VolumeCall call, string id, string projectId, bool grant, CancellationToken cancellationToken)
    {
        policy.Enforce(VolumePolicies.ManageTypes, call.Caller);
        var type = await GetAsync(call, id, cancellationToken);
        if (type.IsPublic)
        {
            throw new BadRequestException("Invalid volume type: Type access modification is not applicable to public volume type.");
        }

        await types.UpdateAsync(type.Id, t => t with
        {
            Projects = grant ? [.. t.Projects.Append(projectId).Distinct(StringComparer.Ordinal)] : [.. t.Projects.Where(p => p != projectId)],
        }, cancellationToken);
    }

    /// <summary>True when the caller may read extra specs.</summary>
    public bool ShowsExtraSpecs(VolumeCall call) => policy.IsAllowed(VolumePolicies.TypeExtraSpecs, call.Caller);

    /// <summary>True when the caller may see a type's <c>qos_specs_id</c> (cinder: the admin's QoS policy).</summary>
    public bool ShowsQosSpecs(VolumeCall call) => IsAdmin(call);

    private bool IsAdmin(VolumeCall call) => policy.IsAllowed(VolumePolicies.AdminApi, call.Caller);

    private static Dictionary<string, string> Specs(JsonObject? specs) =>
        specs?.ToDictionary(p => p.Key, p => p.Value is JsonValue v && v.TryGetValue(out string? s) ? s : p.Value?.ToJsonString() ?? string.Empty)
        ?? [];
}

using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.OpenStack;
using FuncCloud.Shared.OpenStack.Errors;
using FuncCloud.Shared.OpenStack.Validation;

namespace FuncCloud.Shared.Compute.Flavors;

/// <summary>Flavor management (os-flavor-manage, os-flavor-extra-specs, os-flavor-access) with nova's rules.</summary>
public sealed partial class FlavorService(IFlavorStore store, ComputeApiPolicy policy, TimeProvider time)
{
    /// <summary>Visible flavors, filtered and sorted like nova.</summary>
    public async Task<IReadOnlyList<Flavor>> ListAsync(ComputeCall call, CancellationToken cancellationToken) =>
        FlavorQuery.Apply(call, await store.ListAsync(cancellationToken), call.Caller.IsAdmin);

    /// <summary>One flavor: admins see every flavor, others public ones and private ones shared with their project.</summary>
    public Task<Flavor> GetAsync(ComputeCall call, string flavorId, CancellationToken cancellationToken) =>
        store.GetAsync(flavorId, call.Caller.ProjectId, call.Caller.IsAdmin, cancellationToken);

    /// <summary><c>POST /flavors</c> (admin).</summary>
    public async Task<Flavor> CreateAsync(ComputeCall call, JsonObject body, CancellationToken cancellationToken)
    {
        policy.Enforce(ComputeApiPolicies.FlavorCreate, call.Caller);
        var f = body.RequireMember("flavor");
        var allowed = new List<string> { "name", "ram", "vcpus", "disk", "id", "OS-FLV-EXT-DATA:ephemeral", "swap", "rxtx_factor", "os-flavor-access:is_public" };
        if (call.Version.IsAtLeast(2, 55))
        {
            allowed.Add("description");
        }

        f.RejectUnknown("flavor", [.. allowed]);
        var name = f.RequireName("name").Trim() == f.RequireString("name")
            ? f.RequireString("name")
            : throw NovaJson.Invalid("name", f["name"]!.ToJsonString(), "Leading and trailing whitespace is not allowed");
        var id = f.OptionalString("id", 255);
        if (id is not null && !FlavorIdPattern().IsMatch(id))
        {
            throw NovaJson.Invalid("id", id, $"'{id}' does not match '^(?! )[a-zA-Z0-9. _-]+(?<! )$'");
        }

        var flavor = new Flavor(
            id ?? Guid.NewGuid().ToString("D"),
            name,
            f.RequireInt("vcpus", 1),
            f.RequireInt("ram", 1),
            f.RequireInt("disk", 0),
            f.OptionalInt("OS-FLV-EXT-DATA:ephemeral", 0) ?? 0,
            f.OptionalInt("swap", 0) ?? 0,
            f.OptionalPositiveNumber("rxtx_factor") ?? 1.0,
            f.OptionalBoolean("os-flavor-access:is_public") ?? true,
            false,
            f.OptionalString("description", 65535),
            new Dictionary<string, string>(),
            [],
            time.GetUtcNow());
        await store.CreateAsync(flavor, cancellationToken);
        return flavor;
    }

    /// <summary><c>PUT /flavors/{id}</c> (2.55+, admin): only the description changes.</summary>
    public async Task<Flavor> UpdateAsync(ComputeCall call, string flavorId, JsonObject body, CancellationToken cancellationToken)
    {
        policy.Enforce(ComputeApiPolicies.FlavorUpdate, call.Caller);
        var f = body.RequireMember("flavor");
        f.RejectUnknown("flavor", "description");
        if (!f.ContainsKey("description"))
        {
            throw NovaJson.Invalid("flavor", f.ToJsonString(), "'description' is a required property");
        }

        var description = f.OptionalString("description", 65535);
        return await store.UpdateAsync(flavorId, x => x with { Description = description }, cancellationToken);
    }

    /// <summary><c>DELETE /flavors/{id}</c> (admin).</summary>
    public async Task DeleteAsync(ComputeCall call, string flavorId, CancellationToken cancellationToken)
    {
        policy.Enforce(ComputeApiPolicies.FlavorDelete, call.Caller);
        await store.DeleteAsync(flavorId, cancellationToken);
    }

    /// <summary>The extra specs of a flavor the caller can see.</summary>
    public async Task<IReadOnlyDictionary<string, string>> GetExtraSpecsAsync(ComputeCall call, string flavorId, CancellationToken cancellationToken)
    {
        policy.Enforce(ComputeApiPolicies.FlavorExtraSpecsIndex, call.Caller);
        return (await GetAsync(call, flavorId, cancellationToken)).ExtraSpecs;
    }

    /// <summary>One extra spec.</summary>
    /// <exception cref="ComputeResourceNotFoundException">The key is not set.</exception>
    public async Task<string> GetExtraSpecAsync(ComputeCall call, string flavorId, string key, CancellationToken cancellationToken)
    {
        policy.Enforce(ComputeApiPolicies.FlavorExtraSpecsShow, call.Caller);
        var flavor = await GetAsync(call, flavorId, cancellationToken);
        return flavor.ExtraSpecs.TryGetValue(key, out var value)
            ? value
            : throw new ComputeResourceNotFoundException("extra_spec", key, $"Flavor {flavorId} has no extra specs with key {key}.");
    }

    /// <summary><c>POST /flavors/{id}/os-extra_specs</c>: merges <c>{"extra_specs": {...}}</c>.</summary>
    public async Task<IReadOnlyDictionary<string, string>> SetExtraSpecsAsync(ComputeCall call, string flavorId, JsonObject body, CancellationToken cancellationToken)
    {
        policy.Enforce(ComputeApiPolicies.FlavorExtraSpecsCreate, call.Caller);
        var specs = ParseSpecs(body.RequireMember("extra_specs"));
        await store.UpdateAsync(flavorId, f => f with { ExtraSpecs = Merge(f.ExtraSpecs, specs) }, cancellationToken);
        return specs;
    }

    /// <summary><c>PUT /flavors/{id}/os-extra_specs/{key}</c>: the body is <c>{key: value}</c> and nothing else.</summary>
    public async Task<IReadOnlyDictionary<string, string>> SetExtraSpecAsync(ComputeCall call, string flavorId, string key, JsonObject body, CancellationToken cancellationToken)
    {
        policy.Enforce(ComputeApiPolicies.FlavorExtraSpecsUpdate, call.Caller);
        var specs = ParseSpecs(body);
        if (specs.Count != 1 || !specs.ContainsKey(key))
        {
            throw new BadRequestException(specs.Count > 1 ? "Request body contains too many items" : "Request body and URI mismatch");
        }

        await store.UpdateAsync(flavorId, f => f with { ExtraSpecs = Merge(f.ExtraSpecs, specs) }, cancellationToken);
        return specs;
    }

    /// <summary><c>DELETE /flavors/{id}/os-extra_specs/{key}</c>.</summary>
    public async Task DeleteExtraSpecAsync(ComputeCall call, string flavorId, string key, CancellationToken cancellationToken)
    {
        policy.Enforce(ComputeApiPolicies.FlavorExtraSpecsDelete, call.Caller);
        await store.UpdateAsync(flavorId, f => f.ExtraSpecs.ContainsKey(key)
            ? f with { ExtraSpecs = f.ExtraSpecs.Where(s => s.Key != key).ToDictionary(s => s.Key, s => s.Value) }
            : throw new ComputeResourceNotFoundException("extra_spec", key, $"Flavor {flavorId} has no extra specs with key {key}."), cancellationToken);
    }

    /// <summary>The projects a private flavor is shared with (404 for public flavors, as nova).</summary>
    public async Task<IReadOnlyList<string>> GetAccessAsync(ComputeCall call, string flavorId, CancellationToken cancellationToken)
    {
        policy.Enforce(ComputeApiPolicies.FlavorAccess, call.Caller);
        var flavor = await store.FindAsync(flavorId, cancellationToken) ?? throw ComputeResourceNotFoundException.Flavor(flavorId);
        return flavor.IsPublic
            ? throw new ComputeResourceNotFoundException("flavor_access", flavorId, "Access list not available for public flavors.")
            : flavor.Projects;
    }

    /// <summary><c>addTenantAccess</c>.</summary>
    public async Task<IReadOnlyList<string>> AddAccessAsync(ComputeCall call, string flavorId, JsonObject action, CancellationToken cancellationToken)
    {
        policy.Enforce(ComputeApiPolicies.FlavorAccessAdd, call.Caller);
        var project = action.RequireString("tenant");
        var flavor = await store.UpdateAsync(flavorId, f =>
            f.IsPublic ? throw new ConflictException("Can not add access to a public flavor.")
            : f.Projects.Contains(project, StringComparer.Ordinal) ? throw new ConflictException($"Flavor access already exists for flavor {flavorId} and project {project} combination.")
            : f with { Projects = [.. f.Projects, project] }, cancellationToken);
        return flavor.Projects;
    }

    /// <summary><c>removeTenantAccess</c>.</summary>
    public async Task<IReadOnlyList<string>> RemoveAccessAsync(ComputeCall call, string flavorId, JsonObject action, CancellationToken cancellationToken)
    {
        policy.Enforce(ComputeApiPolicies.FlavorAccessRemove, call.Caller);
        var project = action.RequireString("tenant");
        var flavor = await store.UpdateAsync(flavorId, f => f.Projects.Contains(project, StringComparer.Ordinal)
            ? f with { Projects = f.Projects.Where(p => p != project).ToList() }
            : throw new ComputeResourceNotFoundException("flavor_access", flavorId, $"Flavor access not found for {flavorId} / {project} combination."), cancellationToken);
        return flavor.Projects;
    }

    private static Dictionary<string, string> ParseSpecs(JsonObject specs)
    {
        var parsed = ParseSpecValues(specs);
        foreach (var (key, value) in parsed)
        {
            TextRules.MetadataItem(key, value, "extra_specs");
        }

        return parsed;
    }

    private static Dictionary<string, string> ParseSpecValues(JsonObject specs) => specs.ToDictionary(
        s => s.Key.Length is >= 1 and <= 255 ? s.Key : throw NovaJson.Invalid("extra_specs", specs.ToJsonString(), $"'{s.Key}' does not match any of the regexes"),
        s => s.Value switch
        {
            JsonValue v when v.TryGetValue(out string? text) => text.Length <= 255 ? text : throw NovaJson.Invalid(s.Key, text, "is too long"),
            JsonValue v when v.GetValueKind() is System.Text.Json.JsonValueKind.Number or System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False => v.ToJsonString(),
            _ => throw NovaJson.Invalid(s.Key, s.Value?.ToJsonString() ?? "None", "is not of type 'string', 'integer', 'number', 'boolean'"),
        });

    private static Dictionary<string, string> Merge(IReadOnlyDictionary<string, string> current, IReadOnlyDictionary<string, string> changes)
    {
        var merged = new Dictionary<string, string>(current);
        foreach (var (key, value) in changes)
        {
            merged[key] = value;
        }

        return merged;
    }

    [GeneratedRegex("^(?! )[a-zA-Z0-9. _-]+(?<! )$")]
    private static partial Regex FlavorIdPattern();
}

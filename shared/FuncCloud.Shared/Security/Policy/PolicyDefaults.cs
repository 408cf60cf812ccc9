namespace FuncCloud.Shared.Security.Policy;

/// <summary>
/// A service's default rules (name → rule string). Each service registers one; deployments override
/// single rules through <see cref="PolicyOptions.Rules"/>.
/// </summary>
public interface IPolicyDefaults
{
    /// <summary>The default rules.</summary>
    IReadOnlyDictionary<string, string> Rules { get; }
}

/// <summary>
/// The personas every service shares, keystone's defaults: <c>admin</c> implies <c>member</c> implies
/// <c>reader</c>; each is granted on the system, a domain or a project.
/// </summary>
public sealed class BasePolicyDefaults : IPolicyDefaults
{
    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> Rules { get; } = new Dictionary<string, string>
    {
        ["default"] = "rule:admin_required",
        ["admin_required"] = "role:admin or is_admin:true",
        ["context_is_admin"] = "role:admin",
        ["system_admin"] = "role:admin and system_scope:all",
        ["system_reader"] = "role:reader and system_scope:all",
        ["domain_admin"] = "role:admin and domain_id:%(target.domain_id)s",
        ["domain_reader"] = "role:reader and domain_id:%(target.domain_id)s",
        ["project_admin"] = "role:admin and project_id:%(project_id)s",
        ["project_member"] = "role:member and project_id:%(project_id)s",
        ["project_reader"] = "role:reader and project_id:%(project_id)s",
        ["owner"] = "user_id:%(user_id)s",
        ["admin_or_owner"] = "rule:admin_required or rule:owner",
    };
}

/// <summary>Policy overrides, bound from <c>FuncCloud:Policy</c>.</summary>
public sealed class PolicyOptions
{
    /// <summary>Rules that replace the defaults of the same name (e.g. <c>identity:create_project</c>).</summary>
    public Dictionary<string, string> Rules { get; set; } = [];
}

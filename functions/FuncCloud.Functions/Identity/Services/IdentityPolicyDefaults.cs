using FuncCloud.Shared.Security.Policy;

namespace FuncCloud.Functions.Identity.Services;

/// <summary>
/// Keystone's default rules, without <c>enforce_scope</c> (as keystone ships): <c>admin</c> anywhere is the
/// cloud admin, readers read within their system/domain/project scope, users manage their own credentials.
/// </summary>
public sealed class IdentityPolicyDefaults : IPolicyDefaults
{
    private const string Admin = "rule:admin_required";
    private const string AdminOrReader = "rule:admin_required or rule:system_reader";
    private const string DomainManager = "rule:admin_required or (role:admin and domain_id:%(target.domain_id)s)";
    private const string DomainReader = "rule:admin_required or rule:system_reader or (role:reader and domain_id:%(target.domain_id)s)";

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> Rules { get; } = new Dictionary<string, string>
    {
        ["identity:get_domain"] = "rule:admin_required or rule:system_reader or domain_id:%(target.domain.id)s or project_domain_id:%(target.domain.id)s",
        ["identity:list_domains"] = AdminOrReader,
        ["identity:create_domain"] = Admin,
        ["identity:update_domain"] = Admin,
        ["identity:delete_domain"] = Admin,
        ["identity:get_project"] = DomainReader + " or project_id:%(target.project.id)s",
        ["identity:list_projects"] = DomainReader,
        ["identity:list_user_projects"] = DomainReader + " or user_id:%(target.user.id)s",
        ["identity:create_project"] = DomainManager,
        ["identity:update_project"] = DomainManager,
        ["identity:delete_project"] = DomainManager,
        ["identity:get_user"] = DomainReader + " or user_id:%(target.user.id)s",
        ["identity:list_users"] = DomainReader,
        ["identity:create_user"] = DomainManager,
        ["identity:update_user"] = DomainManager,
        ["identity:delete_user"] = DomainManager,
        ["identity:change_password"] = "user_id:%(target.user.id)s",
        ["identity:get_group"] = DomainReader,
        ["identity:list_groups"] = DomainReader,
        ["identity:list_groups_for_user"] = DomainReader + " or user_id:%(target.user.id)s",
        ["identity:create_group"] = DomainManager,
        ["identity:update_group"] = DomainManager,
        ["identity:delete_group"] = DomainManager,
        ["identity:list_users_in_group"] = DomainReader,
        ["identity:add_user_to_group"] = DomainManager,
        ["identity:remove_user_from_group"] = DomainManager,
        ["identity:check_user_in_group"] = DomainReader,
        ["identity:get_role"] = AdminOrReader + " or role:reader",
        ["identity:list_roles"] = AdminOrReader + " or role:reader",
        ["identity:create_role"] = Admin,
        ["identity:update_role"] = Admin,
        ["identity:delete_role"] = Admin,
        ["identity:manage_implied_roles"] = Admin,
        ["identity:list_implied_roles"] = AdminOrReader,
        ["identity:create_grant"] = DomainManager,
        ["identity:revoke_grant"] = DomainManager,
        ["identity:check_grant"] = DomainReader,
        ["identity:list_grants"] = DomainReader,
        ["identity:list_role_assignments"] = DomainReader + " or (role:reader and project_id:%(target.project.id)s)",
        ["identity:get_region"] = "",
        ["identity:list_regions"] = "",
        ["identity:manage_catalog"] = Admin,
        ["identity:get_service"] = AdminOrReader,
        ["identity:list_services"] = AdminOrReader,
        ["identity:get_endpoint"] = AdminOrReader,
        ["identity:list_endpoints"] = AdminOrReader,
        ["identity:manage_application_credentials"] = "user_id:%(target.user.id)s",
        ["identity:read_application_credentials"] = "rule:admin_required or rule:system_reader or user_id:%(target.user.id)s",
        ["identity:validate_token"] = "rule:admin_required or rule:system_reader or user_id:%(target.token.user_id)s",
        ["identity:revoke_token"] = "rule:admin_required or user_id:%(target.token.user_id)s",
    };
}

using FuncCloud.Shared.Security.Policy;

namespace FuncCloud.Functions.Network.Services;

/// <summary>
/// Neutron's secure-RBAC defaults (project personas): readers read, members of the owning project write,
/// admins do everything; sharing, external networks, provider attributes and port binding are admin-only.
/// Which resources a caller sees at all (own, shared, RBAC-shared, external) is decided in code first, as
/// neutron's DB layer does, so an invisible resource is a 404 and not a 403.
/// </summary>
public sealed class NetworkPolicyDefaults : IPolicyDefaults
{
    /// <summary>Admins, or members of the resource's project.</summary>
    public const string ProjectMember = "role:admin or (role:member and project_id:%(project_id)s)";

    /// <summary>Any persona (visibility already decided).</summary>
    public const string Reader = "role:admin or role:reader or role:member";

    /// <summary>Admins only.</summary>
    public const string Admin = "role:admin";

    /// <summary>The resources with the generic create/get/update/delete rules.</summary>
    public static readonly string[] Kinds =
        ["network", "subnet", "subnetpool", "port", "router", "floatingip", "security_group", "security_group_rule", "rbac_policy"];

    /// <summary>Attribute rules that are admin-only (<c>action:attribute</c>).</summary>
    public static readonly string[] AdminAttributes =
    [
        "create_network:shared", "update_network:shared", "create_network:router:external", "update_network:router:external",
        "create_network:provider:network_type", "create_network:provider:physical_network", "create_network:provider:segmentation_id",
        "get_network:provider:network_type", "get_network:provider:physical_network", "get_network:provider:segmentation_id",
        "create_port:binding:host_id", "update_port:binding:host_id", "create_port:binding:profile", "update_port:binding:profile",
        "get_port:binding:host_id", "get_port:binding:profile", "get_port:binding:vif_type", "get_port:binding:vif_details",
        "create_subnetpool:shared", "create_subnetpool:is_default", "update_subnetpool:is_default",
        "create_rbac_policy:target_tenant", "update_quota", "delete_quota", "get_quota:other", "get_agent", "update_agent",
    ];

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> Rules { get; } = Build();

    private static Dictionary<string, string> Build()
    {
        var rules = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var kind in Kinds)
        {
            rules[$"create_{kind}"] = ProjectMember;
            rules[$"get_{kind}"] = Reader;
            rules[$"update_{kind}"] = ProjectMember;
            rules[$"delete_{kind}"] = ProjectMember;
        }

        foreach (var attribute in AdminAttributes)
        {
            rules[attribute] = Admin;
        }

        rules["add_router_interface"] = ProjectMember;
        rules["remove_router_interface"] = ProjectMember;
        rules["get_quota"] = "role:admin or project_id:%(project_id)s";
        rules["get_availability_zone"] = Reader;
        return rules;
    }
}

using System.Text.Json.Nodes;

namespace FuncCloud.Functions.Network.Api;

/// <summary>
/// The extensions <c>GET /v2.0/extensions</c> lists: exactly what this service implements (clients switch
/// features on by alias, so listing one that is not served breaks them).
/// </summary>
public static class NeutronExtensionList
{
    private const string Updated = "2026-12-01T00:00:00-00:00";

    private static readonly (string Alias, string Name, string Description)[] Implemented =
    [
        ("router", "Neutron L3 Router", "Router abstraction for basic L3 forwarding between L2 Neutron networks and access to external networks via a NAT gateway."),
        ("ext-gw-mode", "Neutron L3 Configurable external gateway mode", "Extension of the router abstraction for specifying whether SNAT should occur on the external gateway"),
        ("extraroute", "Neutron Extra Route", "Extra routes configuration for L3 router"),
        ("security-group", "security-group", "The security groups extension."),
        ("port-security", "Port Security", "Provides port security"),
        ("allowed-address-pairs", "Allowed Address Pairs", "Provides allowed address pairs"),
        ("binding", "Port Binding", "Expose port bindings of a virtual port to external application"),
        ("provider", "Provider Network", "Expose mapping of virtual networks to physical networks"),
        ("external-net", "Neutron external network", "Adds external network attribute to network resource."),
        ("subnet_allocation", "Subnet Allocation", "Enables allocation of subnets from a subnet pool"),
        ("default-subnetpools", "Default Subnetpools", "Provides ability to mark and use a subnetpool as the default."),
        ("standard-attr-description", "standard-attr-description", "Extension to add descriptions to standard attributes"),
        ("standard-attr-tag", "Tag support for resources with standard attribute: subnet, trunk, network_segment_range, router, network, policy, subnetpool, port, security_group, floatingip", "Enables to set tag on resources with standard attribute."),
        ("standard-attr-timestamp", "Resource timestamps", "Adds created_at and updated_at fields to all Neutron resources that have Neutron standard attributes."),
        ("standard-attr-revisions", "Resource revision numbers", "This extension will display the revision number of neutron resources."),
        ("revision-if-match", "If-Match constraints based on revision_number", "Extension indicating that If-Match based on revision_number is supported."),
        ("quotas", "Quota management support", "Expose functions for quotas management per project"),
        ("quota_details", "Quota details management support", "Expose functions for quotas usage statistics per project"),
        ("project-id", "project_id field enabled", "Extension that indicates that project_id field is enabled."),
        ("net-mtu", "Network MTU", "Provides MTU attribute for a network resource."),
        ("rbac-policies", "RBAC Policies", "Allows creation and modification of policies that control tenant access to resources."),
        ("filter-validation", "Filter parameters validation", "Provides validation on filter parameters."),
        ("sorting", "Sorting support", "Extension that indicates that sorting is enabled."),
        ("pagination", "Pagination support", "Extension that indicates that pagination is enabled."),
        ("agent", "agent", "The agent management extension."),
        ("dhcp_agent_scheduler", "DHCP Agent Scheduler", "Schedule networks among dhcp agents"),
        ("l3_agent_scheduler", "L3 Agent Scheduler", "Schedule routers among l3 agents"),
        ("auto-allocated-topology", "Auto Allocated Topology Services", "Auto Allocated Topology Services."),
    ];

    /// <summary>The aliases served.</summary>
    public static IEnumerable<string> Aliases => Implemented.Select(e => e.Alias);

    /// <summary><c>{"extensions": [...]}</c>.</summary>
    public static JsonObject All() => new() { ["extensions"] = new JsonArray(Implemented.Select(e => (JsonNode?)Extension(e)).ToArray()) };

    /// <summary><c>{"extension": {...}}</c>, or null when not served.</summary>
    public static JsonObject? One(string alias) =>
        Implemented.FirstOrDefault(e => e.Alias == alias) is { Alias: not null } found ? new JsonObject { ["extension"] = Extension(found) } : null;

    private static JsonObject Extension((string Alias, string Name, string Description) e) => new()
    {
        ["alias"] = e.Alias,
        ["name"] = e.Name,
        ["description"] = e.Description,
        ["updated"] = Updated,
        ["links"] = new JsonArray(),
    };
}

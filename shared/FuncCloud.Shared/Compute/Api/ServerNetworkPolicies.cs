namespace FuncCloud.Shared.Compute.Api;

/// <summary>nova's rules for a server's network side: its security groups and its interfaces (os-interface).</summary>
public static class ServerNetworkPolicies
{
    public const string SecurityGroupsList = "os_compute_api:os-security-groups:list";
    public const string SecurityGroupsAdd = "os_compute_api:os-security-groups:add";
    public const string SecurityGroupsRemove = "os_compute_api:os-security-groups:remove";
    public const string InterfacesList = "os_compute_api:os-attach-interfaces:list";
    public const string InterfacesShow = "os_compute_api:os-attach-interfaces:show";
    public const string InterfacesCreate = "os_compute_api:os-attach-interfaces:create";
    public const string InterfacesDelete = "os_compute_api:os-attach-interfaces:delete";
}

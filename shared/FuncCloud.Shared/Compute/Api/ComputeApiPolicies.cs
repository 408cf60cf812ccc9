namespace FuncCloud.Shared.Compute.Api;

/// <summary>
/// Nova's policy rule names for the API surface around servers (flavors, key pairs, quotas, limits,
/// zones, hypervisors, services, aggregates, server groups).
/// </summary>
public static class ComputeApiPolicies
{
    private const string Prefix = "os_compute_api:";

    /// <summary>Nova's shared base rules.</summary>
    public const string Admin = "compute:admin_api";
    public const string ProjectReaderOrAdmin = "compute:project_reader_or_admin";
    public const string ProjectMemberOrAdmin = "compute:project_member_or_admin";
    public const string OwnerOrAdmin = "compute:user_owner_or_admin";

    public const string FlavorCreate = Prefix + "os-flavor-manage:create";
    public const string FlavorUpdate = Prefix + "os-flavor-manage:update";
    public const string FlavorDelete = Prefix + "os-flavor-manage:delete";
    public const string FlavorExtraSpecsIndex = Prefix + "os-flavor-extra-specs:index";
    public const string FlavorExtraSpecsShow = Prefix + "os-flavor-extra-specs:show";
    public const string FlavorExtraSpecsCreate = Prefix + "os-flavor-extra-specs:create";
    public const string FlavorExtraSpecsUpdate = Prefix + "os-flavor-extra-specs:update";
    public const string FlavorExtraSpecsDelete = Prefix + "os-flavor-extra-specs:delete";
    public const string FlavorAccess = Prefix + "os-flavor-access";
    public const string FlavorAccessAdd = Prefix + "os-flavor-access:add_tenant_access";
    public const string FlavorAccessRemove = Prefix + "os-flavor-access:remove_tenant_access";

    public const string KeypairsIndex = Prefix + "os-keypairs:index";
    public const string KeypairsShow = Prefix + "os-keypairs:show";
    public const string KeypairsCreate = Prefix + "os-keypairs:create";
    public const string KeypairsDelete = Prefix + "os-keypairs:delete";

    public const string Limits = Prefix + "limits";
    public const string LimitsOtherProject = Prefix + "limits:other_project";

    public const string QuotaSetsShow = Prefix + "os-quota-sets:show";
    public const string QuotaSetsUpdate = Prefix + "os-quota-sets:update";
    public const string QuotaSetsDefaults = Prefix + "os-quota-sets:defaults";
    public const string QuotaSetsDelete = Prefix + "os-quota-sets:delete";
    public const string QuotaSetsDetail = Prefix + "os-quota-sets:detail";
    public const string QuotaClassSetsShow = Prefix + "os-quota-class-sets:show";
    public const string QuotaClassSetsUpdate = Prefix + "os-quota-class-sets:update";

    public const string AvailabilityZoneList = Prefix + "os-availability-zone:list";
    public const string AvailabilityZoneDetail = Prefix + "os-availability-zone:detail";

    public const string HypervisorsList = Prefix + "os-hypervisors:list";
    public const string HypervisorsListDetail = Prefix + "os-hypervisors:list-detail";
    public const string HypervisorsShow = Prefix + "os-hypervisors:show";
    public const string HypervisorsStatistics = Prefix + "os-hypervisors:statistics";

    public const string ServicesList = Prefix + "os-services:list";
    public const string ServicesUpdate = Prefix + "os-services:update";
    public const string ServicesDelete = Prefix + "os-services:delete";

    public const string AggregatesIndex = Prefix + "os-aggregates:index";
    public const string AggregatesCreate = Prefix + "os-aggregates:create";
    public const string AggregatesShow = Prefix + "os-aggregates:show";
    public const string AggregatesUpdate = Prefix + "os-aggregates:update";
    public const string AggregatesDelete = Prefix + "os-aggregates:delete";
    public const string AggregatesAddHost = Prefix + "os-aggregates:add_host";
    public const string AggregatesRemoveHost = Prefix + "os-aggregates:remove_host";
    public const string AggregatesSetMetadata = Prefix + "os-aggregates:set_metadata";

    public const string ServerGroupsIndex = Prefix + "os-server-groups:index";
    public const string ServerGroupsIndexAllProjects = Prefix + "os-server-groups:index:all_projects";
    public const string ServerGroupsShow = Prefix + "os-server-groups:show";
    public const string ServerGroupsCreate = Prefix + "os-server-groups:create";
    public const string ServerGroupsDelete = Prefix + "os-server-groups:delete";
}

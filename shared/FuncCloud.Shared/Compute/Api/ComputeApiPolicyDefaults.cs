using FuncCloud.Shared.Security.Policy;
using P = FuncCloud.Shared.Compute.Api.ComputeApiPolicies;

namespace FuncCloud.Shared.Compute.Api;

/// <summary>
/// Nova's default rules (the 2023 "secure RBAC" defaults): admin operates everything, members manage their
/// project's resources, readers read them; key pairs belong to their user.
/// </summary>
public sealed class ComputeApiPolicyDefaults : IPolicyDefaults
{
    private const string Admin = "rule:" + P.Admin;
    private const string Reader = "rule:" + P.ProjectReaderOrAdmin;
    private const string Member = "rule:" + P.ProjectMemberOrAdmin;
    private const string Owner = "rule:" + P.OwnerOrAdmin;

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> Rules { get; } = new Dictionary<string, string>
    {
        [P.Admin] = "role:admin",
        [P.ProjectReaderOrAdmin] = "rule:compute:admin_api or (role:reader and project_id:%(project_id)s)",
        [P.ProjectMemberOrAdmin] = "rule:compute:admin_api or (role:member and project_id:%(project_id)s)",
        [P.OwnerOrAdmin] = "rule:compute:admin_api or user_id:%(user_id)s",

        [P.FlavorCreate] = Admin,
        [P.FlavorUpdate] = Admin,
        [P.FlavorDelete] = Admin,
        [P.FlavorExtraSpecsIndex] = Reader,
        [P.FlavorExtraSpecsShow] = Reader,
        [P.FlavorExtraSpecsCreate] = Admin,
        [P.FlavorExtraSpecsUpdate] = Admin,
        [P.FlavorExtraSpecsDelete] = Admin,
        [P.FlavorAccess] = Admin,
        [P.FlavorAccessAdd] = Admin,
        [P.FlavorAccessRemove] = Admin,

        [P.KeypairsIndex] = Owner,
        [P.KeypairsShow] = Owner,
        [P.KeypairsCreate] = Owner,
        [P.KeypairsDelete] = Owner,

        [P.Limits] = "@",
        [P.LimitsOtherProject] = Admin,

        [P.QuotaSetsShow] = Reader,
        [P.QuotaSetsDetail] = Reader,
        [P.QuotaSetsDefaults] = "@",
        [P.QuotaSetsUpdate] = Admin,
        [P.QuotaSetsDelete] = Admin,
        [P.QuotaClassSetsShow] = Admin,
        [P.QuotaClassSetsUpdate] = Admin,

        [P.AvailabilityZoneList] = "@",
        [P.AvailabilityZoneDetail] = Admin,

        [P.HypervisorsList] = Admin,
        [P.HypervisorsListDetail] = Admin,
        [P.HypervisorsShow] = Admin,
        [P.HypervisorsStatistics] = Admin,

        [P.ServicesList] = Admin,
        [P.ServicesUpdate] = Admin,
        [P.ServicesDelete] = Admin,

        [P.AggregatesIndex] = Admin,
        [P.AggregatesCreate] = Admin,
        [P.AggregatesShow] = Admin,
        [P.AggregatesUpdate] = Admin,
        [P.AggregatesDelete] = Admin,
        [P.AggregatesAddHost] = Admin,
        [P.AggregatesRemoveHost] = Admin,
        [P.AggregatesSetMetadata] = Admin,

        [P.ServerGroupsIndex] = Reader,
        [P.ServerGroupsIndexAllProjects] = Admin,
        [P.ServerGroupsShow] = Reader,
        [P.ServerGroupsCreate] = Member,
        [P.ServerGroupsDelete] = Member,
    };
}

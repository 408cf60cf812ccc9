using FuncCloud.Shared.Security.Policy;
using P = FuncCloud.Shared.Compute.Api.ServerPolicies;

namespace FuncCloud.Shared.Compute.Api;

/// <summary>
/// Nova's secure-RBAC defaults for servers: project readers (and admins) read, project members (and admins)
/// create, change, delete and act; all-tenant lists, forced hosts, unlocking an admin's lock and event
/// tracebacks are admin-only. The base rules come from <see cref="ComputeApiPolicyDefaults"/>.
/// </summary>
public sealed class ServerPolicyDefaults : IPolicyDefaults
{
    private const string Admin = "rule:" + ComputeApiPolicies.Admin;
    private const string Reader = "rule:" + ComputeApiPolicies.ProjectReaderOrAdmin;
    private const string Member = "rule:" + ComputeApiPolicies.ProjectMemberOrAdmin;

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> Rules { get; } = new Dictionary<string, string>
    {
        [P.Index] = Reader,
        [P.Detail] = Reader,
        [P.IndexAllTenants] = Admin,
        [P.DetailAllTenants] = Admin,
        [P.AllowAllFilters] = Admin,
        [P.Show] = Reader,
        [P.Create] = Member,
        [P.CreateForcedHost] = Admin,
        [P.Update] = Member,
        [P.Delete] = Member,
        [P.Reboot] = Member,
        [P.Start] = Member,
        [P.Stop] = Member,
        [P.Resize] = Member,
        [P.ConfirmResize] = Member,
        [P.RevertResize] = Member,
        [P.Rebuild] = Member,
        [P.CreateImage] = Member,
        [P.Pause] = Member,
        [P.Unpause] = Member,
        [P.Suspend] = Member,
        [P.Resume] = Member,
        [P.Lock] = Member,
        [P.Unlock] = Member,
        [P.UnlockOverride] = Admin,
        [P.ConsoleOutput] = Member,
        [P.VolumeAttachmentsIndex] = Reader,
        [P.VolumeAttachmentsShow] = Reader,
        [P.VolumeAttachmentsCreate] = Member,
        [P.VolumeAttachmentsDelete] = Member,
        [P.IpsIndex] = Reader,
        [P.IpsShow] = Reader,
        [P.InstanceActionsList] = Reader,
        [P.InstanceActionsShow] = Reader,
        [P.InstanceActionsEvents] = Admin,
        [P.InstanceActionsEventDetails] = Admin,
        [P.MetadataIndex] = Reader,
        [P.MetadataShow] = Reader,
        [P.MetadataCreate] = Member,
        [P.MetadataUpdateAll] = Member,
        [P.MetadataUpdate] = Member,
        [P.MetadataDelete] = Member,
        [P.TagsIndex] = Reader,
        [P.TagsShow] = Reader,
        [P.TagsUpdate] = Member,
        [P.TagsUpdateAll] = Member,
        [P.TagsDelete] = Member,
        [P.TagsDeleteAll] = Member,
        [ServerNetworkPolicies.SecurityGroupsList] = Reader,
        [ServerNetworkPolicies.SecurityGroupsAdd] = Member,
        [ServerNetworkPolicies.SecurityGroupsRemove] = Member,
        [ServerNetworkPolicies.InterfacesList] = Reader,
        [ServerNetworkPolicies.InterfacesShow] = Reader,
        [ServerNetworkPolicies.InterfacesCreate] = Member,
        [ServerNetworkPolicies.InterfacesDelete] = Member,
    };
}

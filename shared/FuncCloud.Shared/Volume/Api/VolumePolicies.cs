using FuncCloud.Shared.Security.Policy;

namespace FuncCloud.Shared.Volume.Api;

/// <summary>Policy action names of the block storage API (cinder's names where cinder has one).</summary>
public static class VolumePolicies
{
    public const string AdminApi = "volume:admin_api";
    public const string ProjectReader = "volume:project_reader_or_admin";
    public const string ProjectMember = "volume:project_member_or_admin";

    public const string Create = "volume:create";
    public const string Get = "volume:get";
    public const string GetAll = "volume:get_all";
    public const string Update = "volume:update";
    public const string Delete = "volume:delete";
    public const string ForceDelete = "volume:force_delete";
    public const string Extend = "volume:extend";
    public const string ExtendAttached = "volume:extend_attached_volume";
    public const string ResetStatus = "volume_extension:volume_admin_actions:reset_status";
    public const string SetBootable = "volume_extension:volume_actions:set_bootable";
    public const string UpdateReadonly = "volume:update_readonly_flag";
    public const string Attach = "volume_extension:volume_actions:attach";
    public const string AdminAttributes = "volume_extension:volume_tenant_attribute";
    public const string AllTenants = "volume:get_all_tenants";

    public const string CreateSnapshot = "volume:create_snapshot";
    public const string GetSnapshot = "volume:get_snapshot";
    public const string UpdateSnapshot = "volume:update_snapshot";
    public const string DeleteSnapshot = "volume:delete_snapshot";

    public const string CreateBackup = "backup:create";
    public const string GetBackup = "backup:get";
    public const string GetAllBackups = "backup:get_all";
    public const string UpdateBackup = "backup:update";
    public const string DeleteBackup = "backup:delete";
    public const string RestoreBackup = "backup:restore";
    public const string BackupProjectAttribute = "backup:backup_project_attribute";
    public const string UploadImage = "volume_extension:volume_actions:upload_image";

    public const string ManageTypes = "volume_extension:types_manage";
    public const string ReadTypes = "volume_extension:type_get";
    public const string TypeExtraSpecs = "volume_extension:access_types_extra_specs";

    public const string ShowQuotas = "volume_extension:quotas:show";
    public const string UpdateQuotas = "volume_extension:quotas:update";
    public const string Limits = "limits_extension:used_limits";
    public const string AvailabilityZones = "volume_extension:availability_zone_list";
    public const string Services = "volume_extension:services:index";
    public const string Pools = "scheduler_extension:scheduler_stats:get_pools";
    public const string Messages = "message:get_all";

    public const string AttachmentCreate = "volume:attachment_create";
    public const string AttachmentUpdate = "volume:attachment_update";
    public const string AttachmentDelete = "volume:attachment_delete";
    public const string AttachmentComplete = "volume:attachment_complete";
}

/// <summary>The default rules: readers read, members change their project's resources, admins everything.</summary>
public sealed class VolumePolicyDefaults : IPolicyDefaults
{
    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> Rules { get; } = Build();

    private static Dictionary<string, string> Build()
    {
        const string admin = "rule:" + VolumePolicies.AdminApi;
        const string reader = "rule:" + VolumePolicies.ProjectReader;
        const string member = "rule:" + VolumePolicies.ProjectMember;
        var rules = new Dictionary<string, string>
        {
            [VolumePolicies.AdminApi] = "role:admin",
            [VolumePolicies.ProjectReader] = admin + " or (role:reader and project_id:%(project_id)s)",
            [VolumePolicies.ProjectMember] = admin + " or (role:member and project_id:%(project_id)s)",
        };
        foreach (var action in new[] { VolumePolicies.Get, VolumePolicies.GetAll, VolumePolicies.GetSnapshot, VolumePolicies.ShowQuotas, VolumePolicies.Limits, VolumePolicies.AvailabilityZones, VolumePolicies.ReadTypes, VolumePolicies.Messages })
        {
            rules[action] = reader;
        }

        foreach (var action in new[] { VolumePolicies.Create, VolumePolicies.Update, VolumePolicies.Delete, VolumePolicies.Extend, VolumePolicies.ExtendAttached, VolumePolicies.SetBootable, VolumePolicies.UpdateReadonly, VolumePolicies.Attach, VolumePolicies.CreateSnapshot, VolumePolicies.UpdateSnapshot, VolumePolicies.DeleteSnapshot })
        {
            rules[action] = member;
        }

        foreach (var action in new[] { VolumePolicies.ForceDelete, VolumePolicies.ResetStatus, VolumePolicies.AdminAttributes, VolumePolicies.AllTenants, VolumePolicies.ManageTypes, VolumePolicies.TypeExtraSpecs, VolumePolicies.UpdateQuotas, VolumePolicies.Services, VolumePolicies.Pools })
        {
            rules[action] = admin;
        }

        // Backups (added after the rest, same split: readers read, members change, admins see the owning project).
        foreach (var action in new[] { VolumePolicies.GetBackup, VolumePolicies.GetAllBackups })
        {
            rules[action] = reader;
        }

        foreach (var action in new[] { VolumePolicies.CreateBackup, VolumePolicies.UpdateBackup, VolumePolicies.DeleteBackup, VolumePolicies.RestoreBackup })
        {
            rules[action] = member;
        }

        foreach (var action in new[] { VolumePolicies.AttachmentCreate, VolumePolicies.AttachmentUpdate, VolumePolicies.AttachmentDelete, VolumePolicies.AttachmentComplete })
        {
            rules[action] = member;
        }

        rules[VolumePolicies.BackupProjectAttribute] = admin;
        rules[VolumePolicies.UploadImage] = member;
        return rules;
    }
}

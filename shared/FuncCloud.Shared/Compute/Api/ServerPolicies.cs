namespace FuncCloud.Shared.Compute.Api;

/// <summary>Nova's policy rule names for servers, their actions and instance actions (<c>nova/policies/servers.py</c> and friends).</summary>
public static class ServerPolicies
{
    private const string Servers = "os_compute_api:servers:";

    public const string Index = Servers + "index";
    public const string Detail = Servers + "detail";
    public const string IndexAllTenants = Servers + "index:get_all_tenants";
    public const string DetailAllTenants = Servers + "detail:get_all_tenants";
    public const string AllowAllFilters = Servers + "allow_all_filters";
    public const string Show = Servers + "show";
    public const string Create = Servers + "create";
    public const string CreateForcedHost = Servers + "create:forced_host";
    public const string Update = Servers + "update";
    public const string Delete = Servers + "delete";
    public const string Reboot = Servers + "reboot";
    public const string Start = Servers + "start";
    public const string Stop = Servers + "stop";
    public const string Resize = Servers + "resize";
    public const string ConfirmResize = Servers + "confirm_resize";
    public const string RevertResize = Servers + "revert_resize";
    public const string Rebuild = Servers + "rebuild";
    public const string CreateImage = Servers + "create_image";

    public const string Pause = "os_compute_api:os-pause-server:pause";
    public const string Unpause = "os_compute_api:os-pause-server:unpause";
    public const string Suspend = "os_compute_api:os-suspend-server:suspend";
    public const string Resume = "os_compute_api:os-suspend-server:resume";
    public const string Lock = "os_compute_api:os-lock-server:lock";
    public const string Unlock = "os_compute_api:os-lock-server:unlock";
    public const string UnlockOverride = "os_compute_api:os-lock-server:unlock:unlock_override";
    public const string ConsoleOutput = "os_compute_api:os-console-output";
    public const string VolumeAttachmentsIndex = "os_compute_api:os-volumes-attachments:index";
    public const string VolumeAttachmentsShow = "os_compute_api:os-volumes-attachments:show";
    public const string VolumeAttachmentsCreate = "os_compute_api:os-volumes-attachments:create";
    public const string VolumeAttachmentsDelete = "os_compute_api:os-volumes-attachments:delete";
    public const string IpsIndex = "os_compute_api:ips:index";
    public const string IpsShow = "os_compute_api:ips:show";

    public const string InstanceActionsList = "os_compute_api:os-instance-actions:list";
    public const string InstanceActionsShow = "os_compute_api:os-instance-actions:show";
    public const string InstanceActionsEvents = "os_compute_api:os-instance-actions:events";
    public const string InstanceActionsEventDetails = "os_compute_api:os-instance-actions:events:details";

    public const string MetadataIndex = "os_compute_api:server-metadata:index";
    public const string MetadataShow = "os_compute_api:server-metadata:show";
    public const string MetadataCreate = "os_compute_api:server-metadata:create";
    public const string MetadataUpdateAll = "os_compute_api:server-metadata:update_all";
    public const string MetadataUpdate = "os_compute_api:server-metadata:update";
    public const string MetadataDelete = "os_compute_api:server-metadata:delete";
    public const string TagsIndex = "os_compute_api:os-server-tags:index";
    public const string TagsShow = "os_compute_api:os-server-tags:show";
    public const string TagsUpdate = "os_compute_api:os-server-tags:update";
    public const string TagsUpdateAll = "os_compute_api:os-server-tags:update_all";
    public const string TagsDelete = "os_compute_api:os-server-tags:delete";
    public const string TagsDeleteAll = "os_compute_api:os-server-tags:delete_all";
}

using FuncCloud.Shared.Security.Policy;

namespace FuncCloud.Functions.Image.Services;

/// <summary>
/// Glance's secure-RBAC defaults (project personas, no enforce_scope): readers read, members of the owning
/// project write, admins do everything; publicizing and (de)activating are admin-only. Visibility (who may
/// see which image at all) is decided in code first, as Glance's DB layer does, so an invisible image is a 404.
/// </summary>
public sealed class ImagePolicyDefaults : IPolicyDefaults
{
    private const string Reader = "role:admin or role:reader or role:member";
    private const string OwnerMember = "role:admin or (role:member and project_id:%(owner)s)";

    // Node agents (role service) read images to boot servers and upload the snapshots compute asks for.
    private const string ReaderOrService = Reader + " or role:service";
    private const string OwnerMemberOrService = OwnerMember + " or role:service";

    /// <summary>Action names.</summary>
    public static class Actions
    {
        public const string AddImage = "image:add_image";
        public const string GetImage = "image:get_image";
        public const string GetImages = "image:get_images";
        public const string ModifyImage = "image:modify_image";
        public const string DeleteImage = "image:delete_image";
        public const string UploadImage = "image:upload_image";
        public const string DownloadImage = "image:download_image";
        public const string PublicizeImage = "image:publicize_image";
        public const string CommunitizeImage = "image:communitize_image";
        public const string Deactivate = "image:deactivate";
        public const string Reactivate = "image:reactivate";
        public const string AddMember = "image:add_member";
        public const string DeleteMember = "image:delete_member";
        public const string GetMember = "image:get_member";
        public const string GetMembers = "image:get_members";
        public const string ModifyMember = "image:modify_member";
        public const string StageImage = "image:stage_image";
        public const string ImportImage = "image:import_image";
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> Rules { get; } = new Dictionary<string, string>
    {
        [Actions.AddImage] = OwnerMember,
        [Actions.GetImage] = ReaderOrService,
        [Actions.GetImages] = Reader,
        [Actions.ModifyImage] = OwnerMember,
        [Actions.DeleteImage] = OwnerMember,
        [Actions.UploadImage] = OwnerMemberOrService,
        [Actions.DownloadImage] = ReaderOrService,
        [Actions.PublicizeImage] = "role:admin",
        [Actions.CommunitizeImage] = OwnerMember,
        [Actions.Deactivate] = "role:admin",
        [Actions.Reactivate] = "role:admin",
        [Actions.AddMember] = OwnerMember,
        [Actions.DeleteMember] = OwnerMember,
        [Actions.GetMember] = Reader,
        [Actions.GetMembers] = Reader,
        [Actions.ModifyMember] = "role:admin or (role:member and project_id:%(member_id)s)",
        [Actions.StageImage] = OwnerMember,
        [Actions.ImportImage] = OwnerMember,
    };
}

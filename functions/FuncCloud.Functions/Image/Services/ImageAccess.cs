using FuncCloud.Functions.Image.Api;
using FuncCloud.Shared.Image;
using FuncCloud.Shared.Security;
using FuncCloud.Shared.Security.Policy;
using FuncCloud.Shared.Storage;

namespace FuncCloud.Functions.Image.Services;

/// <summary>Loads images the caller may see and checks policy against them (one place for both).</summary>
public sealed class ImageAccess(ImageStore store, PolicyEnforcer policy)
{
    /// <summary>
    /// The role of node agents (Identity's bootstrap gives it to <c>funccloud-agent</c>): they download the image
    /// of any project's server and upload any project's snapshot, so they see every image (nova's service user
    /// does the same with its elevated context). What they may do with it is still policy's call.
    /// </summary>
    public const string ServiceRole = "service";

    /// <summary>The image, if the caller may see it.</summary>
    /// <exception cref="ImageNotFoundException">Missing or invisible to the caller (Glance does not tell them apart).</exception>
    public async Task<Document<ImageRecord>> GetVisibleAsync(RequestContext caller, string imageId, CancellationToken cancellationToken)
    {
        var image = await store.GetAsync(imageId, cancellationToken) ?? throw new ImageNotFoundException(imageId);
        var isMember = image.Value.Visibility == ImageVisibility.Shared
            && caller.ProjectId is not null
            && await store.GetMemberAsync(imageId, caller.ProjectId, cancellationToken) is not null;
        return image.Value.IsVisibleTo(caller.ProjectId, caller.IsAdmin || caller.HasRole(ServiceRole), isMember) ? image : throw new ImageNotFoundException(imageId);
    }

    /// <summary>Enforces <paramref name="action"/> with the image's owner as the target.</summary>
    public void Enforce(string action, RequestContext caller, ImageRecord image) =>
        policy.Enforce(action, caller, Target(image.Owner));

    /// <summary>Enforces <paramref name="action"/> for an image owned by <paramref name="owner"/>.</summary>
    public void Enforce(string action, RequestContext caller, string owner) => policy.Enforce(action, caller, Target(owner));

    /// <summary>Enforces <paramref name="action"/> on a membership.</summary>
    public void EnforceMember(string action, RequestContext caller, ImageRecord image, string memberId) =>
        policy.Enforce(action, caller, new Dictionary<string, string?> { ["owner"] = image.Owner, ["project_id"] = image.Owner, ["member_id"] = memberId });

    private static Dictionary<string, string?> Target(string owner) => new() { ["owner"] = owner, ["project_id"] = owner };
}

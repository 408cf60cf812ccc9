using FuncCloud.Functions.Image.Api;
using FuncCloud.Shared.Image;
using FuncCloud.Shared.OpenStack.Errors;
using FuncCloud.Shared.Security;
using FuncCloud.Shared.Storage;
using Microsoft.Extensions.Options;
using Actions = FuncCloud.Functions.Image.Services.ImagePolicyDefaults.Actions;

namespace FuncCloud.Functions.Image.Services;

/// <summary>
/// Image sharing: the owner adds and removes member projects of a <c>shared</c> image; a member accepts,
/// rejects or leaves pending its own membership; each sees only what concerns them.
/// </summary>
public sealed class ImageMemberService(ImageStore store, ImageAccess access, TimeProvider clock, IOptions<ImageOptions> options)
{
    /// <summary><c>POST /v2/images/{id}/members</c>.</summary>
    public async Task<ImageMemberRecord> AddAsync(RequestContext caller, string imageId, string memberId, CancellationToken cancellationToken)
    {
        var image = (await access.GetVisibleAsync(caller, imageId, cancellationToken)).Value;
        access.EnforceMember(Actions.AddMember, caller, image, memberId);
        if (image.Visibility != ImageVisibility.Shared)
        {
            throw new ForbiddenException($"Only shared images have members (image {imageId} is {image.Visibility}).");
        }

        if ((await ListAllAsync(imageId, cancellationToken)).Count >= options.Value.ImageMemberQuota)
        {
            throw new ImageQuotaExceededException($"The limit of {options.Value.ImageMemberQuota} members of image {imageId} has been reached.");
        }

        var now = clock.GetUtcNow();
        var member = new ImageMemberRecord(imageId, memberId, MemberStatus.Pending, now, now);
        try
        {
            await store.InsertMemberAsync(member, cancellationToken);
        }
        catch (DuplicateKeyException)
        {
            throw new ConflictException($"Member {memberId} already exists for image {imageId}.");
        }

        return member;
    }

    /// <summary><c>GET /v2/images/{id}/members</c>: every member for the owner, only the caller's own membership for a member.</summary>
    public async Task<IReadOnlyList<ImageMemberRecord>> ListAsync(RequestContext caller, string imageId, CancellationToken cancellationToken)
    {
        var image = (await access.GetVisibleAsync(caller, imageId, cancellationToken)).Value;
        access.Enforce(Actions.GetMembers, caller, image);
        if (image.Visibility != ImageVisibility.Shared)
        {
            throw new ForbiddenException($"Only shared images have members (image {imageId} is {image.Visibility}).");
        }

        var members = await ListAllAsync(imageId, cancellationToken);
        return caller.IsAdmin || caller.ProjectId == image.Owner ? members : members.Where(m => m.MemberId == caller.ProjectId).ToList();
    }

    /// <summary><c>GET /v2/images/{id}/members/{memberId}</c>.</summary>
    public async Task<ImageMemberRecord> GetAsync(RequestContext caller, string imageId, string memberId, CancellationToken cancellationToken)
    {
        var image = (await access.GetVisibleAsync(caller, imageId, cancellationToken)).Value;
        access.EnforceMember(Actions.GetMember, caller, image, memberId);
        if (!caller.IsAdmin && caller.ProjectId != image.Owner && caller.ProjectId != memberId)
        {
            throw new ImageMemberNotFoundException(imageId, memberId);
        }

        return (await store.GetMemberAsync(imageId, memberId, cancellationToken))?.Value ?? throw new ImageMemberNotFoundException(imageId, memberId);
    }

    /// <summary><c>PUT /v2/images/{id}/members/{memberId}</c>: the member answers (accepted/rejected/pending).</summary>
    public async Task<ImageMemberRecord> UpdateStatusAsync(RequestContext caller, string imageId, string memberId, string status, CancellationToken cancellationToken)
    {
        if (!MemberStatus.All.Contains(status))
        {
            throw new BadRequestException($"Provided object does not match schema 'member': '{status}' is not one of ['pending', 'accepted', 'rejected']");
        }

        var image = (await access.GetVisibleAsync(caller, imageId, cancellationToken)).Value;
        var current = await store.GetMemberAsync(imageId, memberId, cancellationToken) ?? throw new ImageMemberNotFoundException(imageId, memberId);
        access.EnforceMember(Actions.ModifyMember, caller, image, memberId);
        var updated = current.Value with { Status = status, UpdatedAt = clock.GetUtcNow() };
        try
        {
            await store.ReplaceMemberAsync(current, updated, cancellationToken);
        }
        catch (ConcurrencyException)
        {
            throw new ConflictException($"Membership of {memberId} in image {imageId} changed concurrently; retry.");
        }

        return updated;
    }

    /// <summary><c>DELETE /v2/images/{id}/members/{memberId}</c> (owner).</summary>
    public async Task RemoveAsync(RequestContext caller, string imageId, string memberId, CancellationToken cancellationToken)
    {
        var image = (await access.GetVisibleAsync(caller, imageId, cancellationToken)).Value;
        if (await store.GetMemberAsync(imageId, memberId, cancellationToken) is null)
        {
            throw new ImageMemberNotFoundException(imageId, memberId);
        }

        access.EnforceMember(Actions.DeleteMember, caller, image, memberId);
        await store.DeleteMemberAsync(imageId, memberId, cancellationToken);
    }

    private async Task<IReadOnlyList<ImageMemberRecord>> ListAllAsync(string imageId, CancellationToken cancellationToken) =>
        (await store.ListMembersAsync(cancellationToken)).Select(d => d.Value).Where(m => m.ImageId == imageId).OrderBy(m => m.CreatedAt).ToList();
}

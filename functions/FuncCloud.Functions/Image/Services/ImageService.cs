using System.Text.Json.Nodes;
using FuncCloud.Functions.Image.Api;
using FuncCloud.Shared.Image;
using FuncCloud.Shared.OpenStack.Errors;
using FuncCloud.Shared.Security;
using FuncCloud.Shared.Storage;
using Microsoft.Extensions.Logging;
using Actions = FuncCloud.Functions.Image.Services.ImagePolicyDefaults.Actions;
using FuncCloud.Shared.OpenStack.Validation;

namespace FuncCloud.Functions.Image.Services;

/// <summary>Image records: create, show, update (JSON-patch), delete, deactivate/reactivate, tags.</summary>
public sealed partial class ImageService(
    ImageStore store,
    ImageDataStore data,
    ImageAccess access,
    ImageQuota quota,
    TimeProvider clock,
    ILogger<ImageService> logger)
{
    /// <summary><c>POST /v2/images</c>: a queued image owned by the caller's project (or <c>owner</c>, admins only).</summary>
    public async Task<ImageRecord> CreateAsync(RequestContext caller, JsonObject body, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var id = body["id"] is null ? Guid.NewGuid().ToString("D") : ParseId(body["id"]);
        var image = new ImageRecord(id, null, ImageStatus.Queued, ImageVisibility.Shared, caller.ProjectId ?? string.Empty,
            null, null, null, null, null, null, null, 0, 0, false, false, [], new Dictionary<string, string>(), now, now);
        foreach (var (name, value) in body)
        {
            if (name != "id")
            {
                image = ImageAttributes.Set(image, name, value?.DeepClone());
            }
        }

        if (image.Owner.Length == 0 || (image.Owner != caller.ProjectId && !caller.IsAdmin))
        {
            throw new ForbiddenException("You are not permitted to create images owned by another project.");
        }

        access.Enforce(Actions.AddImage, caller, image.Owner);
        EnforceVisibilityChange(caller, image, ImageVisibility.Shared);
        quota.EnsureWithinLimits(image);
        await quota.EnsureCanCreateAsync(image.Owner, cancellationToken);
        try
        {
            await store.InsertAsync(image, cancellationToken);
        }
        catch (DuplicateKeyException)
        {
            throw new ConflictException($"Image with identifier {id} already exists!");
        }

        LogCreated(logger, id, image.Owner);
        return image;
    }

    /// <summary><c>GET /v2/images/{id}</c>.</summary>
    public async Task<ImageRecord> GetAsync(RequestContext caller, string imageId, CancellationToken cancellationToken)
    {
        var image = (await access.GetVisibleAsync(caller, imageId, cancellationToken)).Value;
        access.Enforce(Actions.GetImage, caller, image);
        return image;
    }

    /// <summary><c>PATCH /v2/images/{id}</c>.</summary>
    public async Task<ImageRecord> UpdateAsync(RequestContext caller, string imageId, JsonArray operations, CancellationToken cancellationToken)
    {
        await access.GetVisibleAsync(caller, imageId, cancellationToken);
        return await ChangeAsync(caller, imageId, image =>
        {
            var updated = ImagePatch.Apply(image, operations);
            if (updated.Owner != image.Owner && !caller.IsAdmin)
            {
                throw new ForbiddenException("Only an administrator may change the owner of an image.");
            }

            if ((updated.DiskFormat != image.DiskFormat || updated.ContainerFormat != image.ContainerFormat) && image.Status != ImageStatus.Queued)
            {
                throw new ForbiddenException("Attributes disk_format and container_format can be only replaced for a queued image.");
            }

            EnforceVisibilityChange(caller, updated, image.Visibility);
            quota.EnsureWithinLimits(updated);
            return updated;
        }, cancellationToken);
    }

    /// <summary><c>PUT /v2/images/{id}/tags/{tag}</c> (idempotent).</summary>
    public Task AddTagAsync(RequestContext caller, string imageId, string tag, CancellationToken cancellationToken) =>
        GuardedChangeAsync(caller, imageId, image =>
        {
            if (tag.Length is 0 or > 255 || TextRules.Problem(tag) is not null)
            {
                throw new BadRequestException($"Invalid tag '{TextRules.Printable(tag)}'.");
            }

            var updated = image.Tags.Contains(tag, StringComparer.Ordinal) ? image : image with { Tags = [.. image.Tags, tag] };
            quota.EnsureWithinLimits(updated);
            return updated;
        }, cancellationToken);

    /// <summary><c>DELETE /v2/images/{id}/tags/{tag}</c>.</summary>
    public Task RemoveTagAsync(RequestContext caller, string imageId, string tag, CancellationToken cancellationToken) =>
        GuardedChangeAsync(caller, imageId, image => image.Tags.Contains(tag, StringComparer.Ordinal)
            ? image with { Tags = image.Tags.Where(t => t != tag).ToList() }
            : throw new ResourceNotFoundException("tag", tag), cancellationToken);

    /// <summary><c>POST /v2/images/{id}/actions/deactivate</c> (admin): downloads are refused until reactivated.</summary>
    public Task DeactivateAsync(RequestContext caller, string imageId, CancellationToken cancellationToken) =>
        SetActivationAsync(caller, imageId, Actions.Deactivate, ImageStatus.Deactivated, cancellationToken);

    /// <summary><c>POST /v2/images/{id}/actions/reactivate</c> (admin).</summary>
    public Task ReactivateAsync(RequestContext caller, string imageId, CancellationToken cancellationToken) =>
        SetActivationAsync(caller, imageId, Actions.Reactivate, ImageStatus.Active, cancellationToken);

    /// <summary><c>DELETE /v2/images/{id}</c>: the record, its memberships and its data.</summary>
    public async Task DeleteAsync(RequestContext caller, string imageId, CancellationToken cancellationToken)
    {
        var image = (await access.GetVisibleAsync(caller, imageId, cancellationToken)).Value;
        access.Enforce(Actions.DeleteImage, caller, image);
        if (image.Protected)
        {
            throw new ForbiddenException($"Image {imageId} is protected and cannot be deleted.");
        }

        await store.DeleteAsync(imageId, cancellationToken);
        foreach (var member in (await store.ListMembersAsync(cancellationToken)).Where(m => m.Value.ImageId == imageId))
        {
            await store.DeleteMemberAsync(imageId, member.Value.MemberId, cancellationToken);
        }

        await data.DeleteAsync(data.DataBlob(imageId), cancellationToken);
        await data.DeleteAsync(data.StagingBlob(imageId), cancellationToken);
        LogDeleted(logger, imageId);
    }

    private async Task SetActivationAsync(RequestContext caller, string imageId, string action, string status, CancellationToken cancellationToken)
    {
        var image = (await access.GetVisibleAsync(caller, imageId, cancellationToken)).Value;
        access.Enforce(action, caller, image);
        await store.UpdateAsync(imageId, current => current.Status switch
        {
            ImageStatus.Active or ImageStatus.Deactivated => current with { Status = status, UpdatedAt = clock.GetUtcNow() },
            _ => throw new ForbiddenException($"Not allowed to {(status == ImageStatus.Active ? "reactivate" : "deactivate")} an image in status '{current.Status}'."),
        }, cancellationToken);
    }

    private async Task GuardedChangeAsync(RequestContext caller, string imageId, Func<ImageRecord, ImageRecord> change, CancellationToken cancellationToken)
    {
        await access.GetVisibleAsync(caller, imageId, cancellationToken);
        await ChangeAsync(caller, imageId, change, cancellationToken);
    }

    private async Task<ImageRecord> ChangeAsync(RequestContext caller, string imageId, Func<ImageRecord, ImageRecord> change, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return await store.UpdateAsync(imageId, image =>
        {
            access.Enforce(Actions.ModifyImage, caller, image);
            return change(image) with { UpdatedAt = now };
        }, cancellationToken) ?? throw new ImageNotFoundException(imageId);
    }

    // Publicizing needs admin; community needs the owner (Glance's publicize_image / communitize_image).
    private void EnforceVisibilityChange(RequestContext caller, ImageRecord image, string previous)
    {
        if (image.Visibility == previous)
        {
            return;
        }

        if (image.Visibility == ImageVisibility.Public)
        {
            access.Enforce(Actions.PublicizeImage, caller, image);
        }
        else if (image.Visibility == ImageVisibility.Community)
        {
            access.Enforce(Actions.CommunitizeImage, caller, image);
        }
    }

    private static string ParseId(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue(out string? text) && Guid.TryParse(text, out var guid)
            ? guid.ToString("D")
            : throw new BadRequestException($"Provided object does not match schema 'image': {node?.ToJsonString()} is not a valid UUID (attribute 'id').");

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Image {imageId} created for project {owner}")]
    private static partial void LogCreated(ILogger logger, string imageId, string owner);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Image {imageId} deleted")]
    private static partial void LogDeleted(ILogger logger, string imageId);
}

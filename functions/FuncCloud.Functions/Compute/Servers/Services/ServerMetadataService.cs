using System.Text.Json.Nodes;
using FuncCloud.Functions.Compute.Servers.Api;
using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.Compute.Servers;
using FuncCloud.Shared.OpenStack.Errors;
using FuncCloud.Shared.OpenStack.Validation;

namespace FuncCloud.Functions.Compute.Servers.Services;

/// <summary>Server metadata and tags: synchronous record changes, refused on locked servers (nova's check_instance_lock).</summary>
public sealed class ServerMetadataService(ServerOperations operations, TimeProvider time)
{
    private const int MaxTags = 50;

    public Task<ServerRecord> SetMetadataAsync(ComputeCall call, string serverId, JsonObject? metadata, bool replace, CancellationToken cancellationToken)
    {
        var items = ServerCreateRequest.ParseMetadata(metadata ?? throw new BadRequestException("Malformed request body: 'metadata' is a required property"));
        return ChangeAsync(call, serverId, replace ? ServerPolicies.MetadataUpdateAll : ServerPolicies.MetadataCreate, s => s with
        {
            Metadata = replace ? items : s.Metadata.Concat(items).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value),
        }, cancellationToken);
    }

    public Task<ServerRecord> SetMetadataItemAsync(ComputeCall call, string serverId, string key, JsonObject? meta, CancellationToken cancellationToken)
    {
        var items = ServerCreateRequest.ParseMetadata(meta ?? throw new BadRequestException("Malformed request body: 'meta' is a required property"));
        if (items.Count != 1)
        {
            throw new BadRequestException("Request body contains too many items");
        }

        if (!items.ContainsKey(key))
        {
            throw new BadRequestException("Request body and URI mismatch");
        }

        return ChangeAsync(call, serverId, ServerPolicies.MetadataUpdate, s => s with { Metadata = new Dictionary<string, string>(s.Metadata) { [key] = items[key] } }, cancellationToken);
    }

    public Task<ServerRecord> DeleteMetadataItemAsync(ComputeCall call, string serverId, string key, CancellationToken cancellationToken) =>
        ChangeAsync(call, serverId, ServerPolicies.MetadataDelete, s => s.Metadata.ContainsKey(key)
            ? s with { Metadata = s.Metadata.Where(m => m.Key != key).ToDictionary(m => m.Key, m => m.Value) }
            : throw new MetadataItemNotFoundException(), cancellationToken);

    public Task<ServerRecord> SetTagsAsync(ComputeCall call, string serverId, IReadOnlyList<string> tags, CancellationToken cancellationToken)
    {
        foreach (var tag in tags)
        {
            ValidateTag(tag);
        }

        return tags.Count > MaxTags
            ? throw new BadRequestException($"The number of tags exceeded the per-server limit {MaxTags}")
            : ChangeAsync(call, serverId, ServerPolicies.TagsUpdateAll, s => s with { Tags = [.. tags.Distinct()] }, cancellationToken);
    }

    /// <returns>True when the tag was added (201), false when it was there (204).</returns>
    public async Task<bool> AddTagAsync(ComputeCall call, string serverId, string tag, CancellationToken cancellationToken)
    {
        ValidateTag(tag);
        var added = false;
        await ChangeAsync(call, serverId, ServerPolicies.TagsUpdate, s =>
        {
            added = !s.Tags.Contains(tag);
            return !added ? s
                : s.Tags.Count >= MaxTags ? throw new BadRequestException($"The number of tags exceeded the per-server limit {MaxTags}")
                : s with { Tags = [.. s.Tags, tag] };
        }, cancellationToken);
        return added;
    }

    public Task<ServerRecord> DeleteTagAsync(ComputeCall call, string serverId, string? tag, CancellationToken cancellationToken) =>
        ChangeAsync(call, serverId, tag is null ? ServerPolicies.TagsDeleteAll : ServerPolicies.TagsDelete, s => tag is null ? s with { Tags = [] }
            : s.Tags.Contains(tag) ? s with { Tags = [.. s.Tags.Where(t => t != tag)] }
            : throw new TagNotFoundException(serverId, tag), cancellationToken);

    private Task<ServerRecord> ChangeAsync(ComputeCall call, string serverId, string rule, Func<ServerRecord, ServerRecord> change, CancellationToken cancellationToken) =>
        operations.UpdateAsync(call, serverId, rule, s =>
        {
            if (s.Locked && !call.Caller.IsAdmin)
            {
                throw new ServerLockedException(s.Id);
            }

            var changed = change(s);
            return ReferenceEquals(changed, s) ? s : changed with { UpdatedAt = time.GetUtcNow() };
        }, cancellationToken);

    /// <summary>The tags API exists from 2.26; below it nova answers 404 (VersionNotFoundForAPIMethod).</summary>
    public static void RequireTagsApi(ComputeCall call)
    {
        if (!call.Version.IsAtLeast(2, 26))
        {
            throw new TagsApiNotFoundException();
        }
    }

    private static void ValidateTag(string tag)
    {
        if (tag.Length is 0 or > 60 || tag.Contains('/') || tag.Contains(',') || TextRules.Problem(tag) is not null)
        {
            throw new BadRequestException($"Invalid input for field/attribute tag. Value: {TextRules.Printable(tag)}. Tags are 1-60 characters without '/', ',', control or bidirectional formatting characters.");
        }
    }
}

/// <summary>404 for a metadata key (nova's text).</summary>
public sealed class MetadataItemNotFoundException()
    : OpenStackException(Microsoft.AspNetCore.Http.StatusCodes.Status404NotFound, "Not Found", "Metadata item was not found");

/// <summary>404 for a tag (nova's text).</summary>
public sealed class TagNotFoundException(string serverId, string tag)
    : OpenStackException(Microsoft.AspNetCore.Http.StatusCodes.Status404NotFound, "Not Found", $"Tag {tag} could not be found for instance {serverId}.");

/// <summary>404 for the tags API below microversion 2.26 (nova's text).</summary>
public sealed class TagsApiNotFoundException()
    : OpenStackException(Microsoft.AspNetCore.Http.StatusCodes.Status404NotFound, "Not Found", "The resource could not be found.");

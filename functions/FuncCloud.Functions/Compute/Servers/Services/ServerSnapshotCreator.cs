using System.Text.Json.Nodes;
using FuncCloud.Functions.Compute.Servers.Api;
using FuncCloud.Functions.Image.Api;
using FuncCloud.Functions.Image.Services;
using FuncCloud.Shared.Agents.Commands;
using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.Compute.Servers;
using FuncCloud.Shared.Image;
using FuncCloud.Shared.OpenStack;
using FuncCloud.Shared.OpenStack.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;

namespace FuncCloud.Functions.Compute.Servers.Services;

/// <summary>
/// The <c>createImage</c> action (nova's <c>_action_create_image</c> + <c>compute.api.snapshot</c>): admits the
/// server through the transition table, creates the snapshot image in Glance at once (queued, private, owned
/// by the server's project, <c>image_type=snapshot</c>, <c>instance_uuid</c>, <c>base_image_ref</c>, the
/// inheritable properties of the base image, then the request's <c>metadata</c>) through Glance's own
/// <see cref="ImageService"/> (its policy and quotas apply), and starts the snapshot workflow. Answers 202 with
/// <c>Location</c> (before 2.45) or <c>{"image_id": ...}</c> (2.45 and later).
/// </summary>
public sealed class ServerSnapshotCreator(ServerQueries queries, ServerOperations operations, ImageStore images, ImageService glance, TimeProvider time)
{
    // nova's non_inheritable_image_properties, plus what the snapshot sets itself and Glance's reserved namespace.
    private static readonly HashSet<string> NotInherited = new(StringComparer.Ordinal)
    {
        "image_type", "instance_uuid", "base_image_ref", "user_id", "owner_id", "owner_project_name", "owner_user_name",
        "cache_in_nova", "bittorrent", "img_signature", "img_signature_hash_method", "img_signature_key_type",
        "img_signature_certificate_uuid", "cinder_encryption_key_id", "cinder_encryption_key_deletion_policy",
    };

    public async Task<IResult> CreateAsync(ComputeCall call, string serverId, JsonObject body, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        body.RejectUnknown("createImage", "name", "metadata");
        var name = body.RequireName("name");
        if (name.Trim().Length == 0 || name.Trim() != name)
        {
            throw new BadRequestException($"Invalid input for field/attribute name. Value: {name}. '{name}' does not match '^(?! )[a-zA-Z0-9. _-]+(?<! )$'");
        }

        var metadata = ServerCreateRequest.ParseMetadata(body.OptionalObject("metadata"));

        // Refuse a server in the wrong state before anything exists in Glance (the CAS below decides races).
        var server = await queries.GetAsync(call, serverId, ServerPolicies.CreateImage, cancellationToken);
        ServerTransitions.Begin(server, ServerActions.CreateImage, call.Caller.IsAdmin, time.GetUtcNow());

        var image = await CreateImageAsync(call, server, name, metadata, cancellationToken);
        try
        {
            await operations.StartActionAsync(call, serverId, ServerActions.CreateImage, new SnapshotCommand(serverId, image.Id), durable, cancellationToken, snapshotImageId: image.Id);
        }
        catch
        {
            // The action was refused (a racing task, a lock) or never started: no orphan queued image.
            await images.DeleteAsync(image.Id, CancellationToken.None);
            throw;
        }

        if (call.Version.IsAtLeast(2, 45))
        {
            return NovaHttp.Json(new JsonObject { ["image_id"] = image.Id }, StatusCodes.Status202Accepted);
        }

        call.Request.HttpContext.Response.Headers.Location = $"{RequestUrls.Origin(call.Request)}/image/v2/images/{image.Id}";
        return NovaHttp.Empty(StatusCodes.Status202Accepted);
    }

    private async Task<ImageRecord> CreateImageAsync(ComputeCall call, ServerRecord server, string name, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        var baseImage = (await images.GetAsync(server.ImageId, cancellationToken))?.Value;
        var request = new JsonObject
        {
            ["name"] = name,
            ["visibility"] = ImageVisibility.Private,
            ["owner"] = server.ProjectId,

            // FuncCloud drivers snapshot to a raw disk (nova's libvirt picks the format on upload; ours is fixed).
            ["disk_format"] = "raw",
            ["container_format"] = "bare",
            ["min_ram"] = baseImage?.MinRam ?? 0,

            // As nova's system metadata: the root disk the image needs is at least the flavor's.
            ["min_disk"] = Math.Max(baseImage?.MinDisk ?? 0, server.Flavor.DiskGb),
        };
        foreach (var (key, value) in baseImage?.Properties ?? new Dictionary<string, string>())
        {
            if (!NotInherited.Contains(key) && !key.StartsWith("os_glance", StringComparison.Ordinal))
            {
                request[key] = value;
            }
        }

        request["image_type"] = "snapshot";
        request["instance_uuid"] = server.Id;
        request["base_image_ref"] = server.ImageId;
        request["user_id"] = call.Caller.UserId;
        foreach (var (key, value) in metadata)
        {
            request[key] = value;
        }

        try
        {
            return await glance.CreateAsync(call.Caller, request, cancellationToken);
        }
        catch (ImageQuotaExceededException e)
        {
            // nova answers an image quota overrun on createImage with 403 (OverQuota → HTTPForbidden).
            throw new ForbiddenException($"Quota exceeded for images: {e.Message}");
        }
    }
}

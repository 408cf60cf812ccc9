using System.Text.Json.Nodes;
using FuncCloud.Functions.Image.Api;
using FuncCloud.Shared.Workflows;
using FuncCloud.Shared.Image;
using FuncCloud.Shared.OpenStack;
using Microsoft.DurableTask;
using FuncCloud.Shared.OpenStack.Errors;
using FuncCloud.Shared.Security;
using Microsoft.DurableTask.Client;
using Actions = FuncCloud.Functions.Image.Services.ImagePolicyDefaults.Actions;

namespace FuncCloud.Functions.Image.Services;

/// <summary>
/// <c>POST /v2/images/{id}/import</c> with <c>glance-direct</c>: uploading (staged) → importing, then the
/// import orchestration (instance id from the image id) finishes the work asynchronously (202).
/// </summary>
public sealed class ImageImportService(ImageStore store, ImageAccess access, ImageQuota quota, TimeProvider clock)
{
    /// <summary>The one import method this deployment enables.</summary>
    public const string GlanceDirect = "glance-direct";

    /// <summary>Validates the request, marks the image importing and schedules the orchestration.</summary>
    public async Task StartAsync(RequestContext caller, string imageId, JsonObject body, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var method = body.OptionalObject("method")?.OptionalString("name")
            ?? throw new BadRequestException("Import request requires a 'method' field with a 'name'.");
        if (method != GlanceDirect)
        {
            throw new BadRequestException($"Import method {method} is not valid; enabled methods: {GlanceDirect}.");
        }

        var image = (await access.GetVisibleAsync(caller, imageId, cancellationToken)).Value;
        access.Enforce(Actions.ImportImage, caller, image);
        var maxBytes = await quota.RemainingBytesAsync(image.Owner, imageId, cancellationToken);
        await store.UpdateAsync(imageId, current => current.Status == ImageStatus.Uploading
            ? current with { Status = ImageStatus.Importing, UpdatedAt = clock.GetUtcNow() }
            : throw new ConflictException($"Image needs to be staged before '{GlanceDirect}' method can be used (status is '{current.Status}')."), cancellationToken);

        var instanceId = ImageWorkflows.ImportInstanceId(imageId);
        var existing = await durable.GetInstanceAsync(instanceId, cancellationToken);
        if (existing is not null && !existing.IsCompleted)
        {
            return;
        }

        await durable.ScheduleNewOrchestrationInstanceAsync(
            ImageWorkflows.ImportOrchestration,
            new ImageImportInput(imageId, method, maxBytes),
            new StartOrchestrationOptions(instanceId) { Tags = WorkflowTags.For(WorkflowResourceTypes.Image, imageId, image.Owner) },
            cancellationToken);
    }
}

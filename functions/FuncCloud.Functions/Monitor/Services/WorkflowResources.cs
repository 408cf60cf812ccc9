using FuncCloud.Functions.Monitor.Api;
using FuncCloud.Shared.Image;
using FuncCloud.Shared.Workflows;
using Microsoft.DurableTask.Client;

namespace FuncCloud.Functions.Monitor.Services;

/// <summary>
/// Which resource a workflow works on, and which instance ids a resource's workflows have. Workflows carry
/// <see cref="WorkflowTags"/>; instances started before the tags existed are recognised by their id scheme
/// (instance id = resource id + operation), which is also how a resource's workflows are found with one
/// prefix query instead of a scan.
/// </summary>
public static class WorkflowResources
{
    private static readonly string ImagePrefix = ImageWorkflows.ImportInstanceId(string.Empty);

    /// <summary>The resource of <paramref name="metadata"/>, or null.</summary>
    public static WorkflowResourceRef? Of(OrchestrationMetadata metadata)
    {
        var tags = metadata.Tags;
        if (tags is not null && tags.TryGetValue(WorkflowTags.ResourceType, out var type) && tags.TryGetValue(WorkflowTags.ResourceId, out var id))
        {
            return new WorkflowResourceRef(type, id, tags.GetValueOrDefault(WorkflowTags.ProjectId));
        }

        var instanceId = metadata.InstanceId;
        if (instanceId.StartsWith(ImagePrefix, StringComparison.Ordinal))
        {
            return new WorkflowResourceRef(WorkflowResourceTypes.Image, instanceId[ImagePrefix.Length..], null);
        }

        var colon = instanceId.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && Guid.TryParse(instanceId[..colon], out _)
            ? new WorkflowResourceRef(WorkflowResourceTypes.Server, instanceId[..colon], null)
            : null;
    }

    /// <summary>The instance id prefix every workflow of the resource starts with.</summary>
    /// <exception cref="Shared.OpenStack.Errors.BadRequestException">Unknown resource type.</exception>
    public static string Prefix(string type, string id) => type switch
    {
        WorkflowResourceTypes.Server => id + ":",
        WorkflowResourceTypes.Image => ImageWorkflows.ImportInstanceId(id),
        WorkflowResourceTypes.Network or WorkflowResourceTypes.Volume => id + ":",
        _ => throw new Shared.OpenStack.Errors.BadRequestException(
            $"Unknown resource type '{type}': expected {WorkflowResourceTypes.Server}, {WorkflowResourceTypes.Image}, {WorkflowResourceTypes.Network} or {WorkflowResourceTypes.Volume}."),
    };
}

namespace FuncCloud.Shared.Workflows;

/// <summary>
/// Tags every workflow is started with, so the workflow knows the cloud resource it works on (the monitor
/// filters, links and groups by them without reading inputs).
/// </summary>
public static class WorkflowTags
{
    /// <summary>The resource type: a <see cref="WorkflowResourceTypes"/> value.</summary>
    public const string ResourceType = "resource_type";

    /// <summary>The resource id.</summary>
    public const string ResourceId = "resource_id";

    /// <summary>The project that owns the resource.</summary>
    public const string ProjectId = "project_id";

    /// <summary>The tags of a workflow working on <paramref name="resourceId"/> of <paramref name="projectId"/>.</summary>
    public static IReadOnlyDictionary<string, string> For(string resourceType, string resourceId, string? projectId)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ResourceType] = resourceType,
            [ResourceId] = resourceId,
        };
        if (projectId is not null)
        {
            tags[ProjectId] = projectId;
        }

        return tags;
    }
}

/// <summary>The resource types workflows work on.</summary>
public static class WorkflowResourceTypes
{
    public const string Server = "server";
    public const string Image = "image";
    public const string Network = "network";
    public const string Volume = "volume";
}

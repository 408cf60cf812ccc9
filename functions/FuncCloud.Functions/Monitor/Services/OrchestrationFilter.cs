using System.Globalization;
using FuncCloud.Shared.OpenStack.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;

namespace FuncCloud.Functions.Monitor.Services;

/// <summary>
/// The list's query string. Status, created range and instance id prefix (a resource is a prefix) go to
/// storage; name, project and outcome are checked on the rows read.
/// </summary>
public sealed record OrchestrationFilter(
    IReadOnlyList<OrchestrationRuntimeStatus>? Statuses,
    string? Name,
    string? InstanceIdPrefix,
    DateTimeOffset? CreatedFrom,
    DateTimeOffset? CreatedTo,
    string? ResourceType,
    string? ResourceId,
    string? ProjectId,
    bool FailedOnly,
    string? Sort,
    bool Descending,
    int Limit,
    string? Continuation)
{
    /// <summary>Sort keys: created_at, last_updated_at, duration, name, runtime_status, instance_id.</summary>
    public static readonly IReadOnlyList<string> SortKeys = ["created_at", "last_updated_at", "duration", "name", "runtime_status", "instance_id"];

    /// <summary>True when rows must be checked after reading them.</summary>
    public bool HasRowFilter => Name is not null || ProjectId is not null || FailedOnly || (ResourceId is not null && ResourceType is null);

    /// <summary>Parses the query string.</summary>
    /// <exception cref="BadRequestException">A value is malformed.</exception>
    public static OrchestrationFilter Parse(IQueryCollection query, int maxPageSize)
    {
        var statuses = Text(query, "status")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => Enum.TryParse<OrchestrationRuntimeStatus>(s, ignoreCase: true, out var status)
                ? status
                : throw new BadRequestException($"Invalid status '{s}': expected {string.Join(", ", Enum.GetNames<OrchestrationRuntimeStatus>())}."))
            .ToList();
        var sort = Text(query, "sort");
        if (sort is not null && !SortKeys.Contains(sort))
        {
            throw new BadRequestException($"Invalid sort '{sort}': expected one of {string.Join(", ", SortKeys)}.");
        }

        var order = Text(query, "order") ?? "desc";
        if (order is not ("asc" or "desc"))
        {
            throw new BadRequestException($"Invalid order '{order}': expected asc or desc.");
        }

        var limit = Text(query, "limit") is { } l
            ? int.TryParse(l, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= maxPageSize
                ? n
                : throw new BadRequestException($"Invalid limit '{l}': expected 1 to {maxPageSize}.")
            : 50;
        var resourceType = Text(query, "resource_type");
        var resourceId = Text(query, "resource_id");
        if (resourceType is not null && resourceId is null)
        {
            throw new BadRequestException("resource_type needs resource_id.");
        }

        var prefix = Text(query, "instance_id_prefix");
        if (resourceType is not null)
        {
            var resourcePrefix = WorkflowResources.Prefix(resourceType, resourceId!);
            if (prefix is not null && !resourcePrefix.StartsWith(prefix, StringComparison.Ordinal) && !prefix.StartsWith(resourcePrefix, StringComparison.Ordinal))
            {
                throw new BadRequestException("instance_id_prefix and the resource select no workflow together.");
            }

            prefix = prefix is not null && prefix.Length > resourcePrefix.Length ? prefix : resourcePrefix;
        }

        return new OrchestrationFilter(
            statuses is { Count: > 0 } ? statuses : null,
            Text(query, "name"),
            prefix,
            Time(query, "created_from"),
            Time(query, "created_to"),
            resourceType,
            resourceId,
            Text(query, "project_id"),
            Text(query, "outcome") switch
            {
                null => false,
                "failed" => true,
                var other => throw new BadRequestException($"Invalid outcome '{other}': expected failed."),
            },
            sort,
            order == "desc",
            limit,
            Text(query, "continuation"));
    }

    /// <summary>Whether a row read from storage passes the filters storage could not apply.</summary>
    public bool Matches(Api.OrchestrationSummary row) =>
        (Name is null || row.Name.Contains(Name, StringComparison.OrdinalIgnoreCase))
        && (ProjectId is null || row.Resource?.ProjectId == ProjectId)
        && (!FailedOnly || OrchestrationViews.IsFailed(row))
        && (ResourceId is null || ResourceType is not null || row.Resource?.Id == ResourceId);

    /// <summary>The storage query for a page of <paramref name="pageSize"/> from <paramref name="continuation"/>.</summary>
    public OrchestrationQuery StorageQuery(int pageSize, string? continuation) => new(
        CreatedFrom, CreatedTo, Statuses, TaskHubNames: null, PageSize: pageSize, FetchInputsAndOutputs: false, ContinuationToken: continuation, InstanceIdPrefix: InstanceIdPrefix);

    private static string? Text(IQueryCollection query, string name) => query.TryGetValue(name, out var v) && v.ToString() is { Length: > 0 } s ? s : null;

    private static DateTimeOffset? Time(IQueryCollection query, string name) => Text(query, name) is { } s
        ? DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t)
            ? t
            : throw new BadRequestException($"Invalid {name} '{s}': expected an ISO 8601 time.")
        : null;
}

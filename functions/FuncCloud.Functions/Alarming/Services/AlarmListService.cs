using FuncCloud.Functions.Alarming.Api;
using FuncCloud.Shared.Alarming;
using FuncCloud.Shared.OpenStack.Errors;
using FuncCloud.Shared.Security;
using FuncCloud.Shared.Security.Policy;
using Microsoft.AspNetCore.Http;
using A = FuncCloud.Functions.Alarming.Services.AlarmingPolicyDefaults.Actions;

namespace FuncCloud.Functions.Alarming.Services;

/// <summary>
/// <c>GET /v2/alarms</c>: the caller's project (one partition query), filtered by aodh's simple query, sorted and
/// paged with <c>limit</c>/<c>marker</c>/<c>sort</c>. Admins list another project with <c>q.field=project_id</c>
/// or every project with <c>q.field=all_projects&amp;q.value=true</c>.
/// </summary>
public sealed class AlarmListService(AlarmStore store, PolicyEnforcer policy)
{
    private static readonly Dictionary<string, Func<AlarmRecord, string?>> Fields = new(StringComparer.Ordinal)
    {
        ["alarm_id"] = a => a.AlarmId,
        ["name"] = a => a.Name,
        ["type"] = a => a.Type,
        ["enabled"] = a => a.Enabled ? "True" : "False",
        ["state"] = a => a.State,
        ["severity"] = a => a.Severity,
        ["user_id"] = a => a.UserId,
        ["project_id"] = a => a.ProjectId,
        ["repeat_actions"] = a => a.RepeatActions ? "True" : "False",
    };

    /// <summary>The alarms the caller asked for.</summary>
    public async Task<IReadOnlyList<AlarmRecord>> ListAsync(RequestContext caller, HttpRequest request, CancellationToken cancellationToken)
    {
        var terms = AlarmQuery.Parse(request);
        var limited = AlarmAccess.IsProjectLimited(caller);
        var allProjects = false;
        string? project = caller.ProjectId;
        var filters = new List<QueryTerm>();
        foreach (var term in terms)
        {
            if (term.Field == "all_projects")
            {
                allProjects = QueryBool(term);
                continue;
            }

            if (!Fields.ContainsKey(term.Field))
            {
                throw AlarmQuery.UnknownField(term.Field, [.. Fields.Keys, "all_projects"]);
            }

            if (term.Field == "project_id" && term.Op == "eq")
            {
                if (limited && term.Value != caller.ProjectId)
                {
                    throw new OwnerNotAuthorizedException("project", term.Value);
                }

                project = term.Value;
            }

            if (term.Field == "enabled")
            {
                filters.Add(term with { Value = QueryBool(term) ? "True" : "False" });
                continue;
            }

            filters.Add(term);
        }

        policy.Enforce(A.GetAlarms, caller, AlarmAccess.Target(limited ? caller.ProjectId : project, caller.UserId));
        var alarms = new List<AlarmRecord>();
        if (allProjects && !limited)
        {
            await foreach (var document in store.ScanAsync(cancellationToken))
            {
                alarms.Add(document.Value);
            }
        }
        else if (project is not null)
        {
            alarms.AddRange(await store.ListAsync(project, cancellationToken));
        }

        var matching = alarms.Where(a => filters.All(f => AlarmQuery.Matches(f, Fields[f.Field](a))));
        return Page(Sort(matching, request.Query["sort"]), request);
    }

    private static bool QueryBool(QueryTerm term) =>
        term.Value.ToLowerInvariant() switch
        {
            "true" or "1" or "yes" or "on" or "t" or "y" => true,
            "false" or "0" or "no" or "off" or "f" or "n" => false,
            _ => throw new BadRequestException($"Unable to convert value {term.Value} to boolean for the field {term.Field}"),
        };

    private static IEnumerable<AlarmRecord> Sort(IEnumerable<AlarmRecord> alarms, IEnumerable<string?> sorts)
    {
        IOrderedEnumerable<AlarmRecord>? ordered = null;
        foreach (var sort in sorts.Where(s => !string.IsNullOrEmpty(s)))
        {
            var parts = sort!.Split(':', 2);
            var key = parts[0];
            var descending = parts.Length > 1 && parts[1] switch
            {
                "desc" => true,
                "asc" => false,
                _ => throw new BadRequestException($"Invalid sort direction: {parts[1]}"),
            };
            Func<AlarmRecord, string> selector = key switch
            {
                "timestamp" => a => AlarmWire.Time(a.Timestamp),
                "state_timestamp" => a => AlarmWire.Time(a.StateTimestamp),
                _ when Fields.TryGetValue(key, out var field) => a => field(a) ?? string.Empty,
                _ => throw new BadRequestException($"Invalid sort key: {key}"),
            };
            ordered = ordered is null
                ? descending ? alarms.OrderByDescending(selector, StringComparer.Ordinal) : alarms.OrderBy(selector, StringComparer.Ordinal)
                : descending ? ordered.ThenByDescending(selector, StringComparer.Ordinal) : ordered.ThenBy(selector, StringComparer.Ordinal);
        }

        // aodh's default order: newest definition first, the id breaking ties (a stable order for markers).
        return (ordered ?? alarms.OrderByDescending(a => a.Timestamp)).ThenBy(a => a.AlarmId, StringComparer.Ordinal);
    }

    private static List<AlarmRecord> Page(IEnumerable<AlarmRecord> sorted, HttpRequest request)
    {
        var list = sorted.ToList();
        if (request.Query["marker"] is { Count: > 0 } markers && markers[0] is { Length: > 0 } marker)
        {
            var index = list.FindIndex(a => a.AlarmId == marker);
            if (index < 0)
            {
                throw new BadRequestException($"Invalid marker: {marker}");
            }

            list = list[(index + 1)..];
        }

        if (request.Query["limit"] is { Count: > 0 } limits && limits[0] is { } text)
        {
            if (!int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var limit) || limit <= 0)
            {
                throw new BadRequestException($"Limit must be positive: {text}");
            }

            list = list.Take(limit).ToList();
        }

        return list;
    }
}

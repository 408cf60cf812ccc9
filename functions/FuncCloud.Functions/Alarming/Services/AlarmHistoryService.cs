using System.Globalization;
using FuncCloud.Shared.Alarming;
using FuncCloud.Shared.OpenStack.Errors;
using FuncCloud.Shared.Security;
using FuncCloud.Shared.Security.Policy;
using Microsoft.AspNetCore.Http;
using A = FuncCloud.Functions.Alarming.Services.AlarmingPolicyDefaults.Actions;

namespace FuncCloud.Functions.Alarming.Services;

/// <summary>
/// <c>GET /v2/alarms/{id}/history</c>: newest first. As in aodh the history outlives the alarm, and a
/// project-limited caller sees only the changes made on behalf of its own project (another project's alarm
/// has, for it, an empty history rather than a 404).
/// </summary>
public sealed class AlarmHistoryService(AlarmStore store, PolicyEnforcer policy)
{
    private static readonly Dictionary<string, Func<AlarmChangeRecord, string?>> Fields = new(StringComparer.Ordinal)
    {
        ["type"] = c => c.Type,
        ["severity"] = c => c.Severity,
        ["user_id"] = c => c.UserId,
        ["project_id"] = c => c.ProjectId,
        ["on_behalf_of"] = c => c.OnBehalfOf,
        ["event_id"] = c => c.EventId,
    };

    /// <summary>The matching changes of <paramref name="alarmId"/>.</summary>
    public async Task<IReadOnlyList<AlarmChangeRecord>> ListAsync(RequestContext caller, string alarmId, HttpRequest request, CancellationToken cancellationToken)
    {
        var limited = AlarmAccess.IsProjectLimited(caller);
        policy.Enforce(A.AlarmHistory, caller, AlarmAccess.Target(caller.ProjectId, caller.UserId));
        var predicates = new List<Func<AlarmChangeRecord, bool>>();
        foreach (var term in AlarmQuery.Parse(request))
        {
            if (term.Field == "timestamp")
            {
                var when = DateTimeOffset.TryParse(term.Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)
                    ? t : throw new BadRequestException($"Invalid timestamp value {term.Value}");
                predicates.Add(term.Op switch
                {
                    "gt" => c => c.Timestamp > when,
                    "ge" => c => c.Timestamp >= when,
                    "lt" => c => c.Timestamp < when,
                    "le" => c => c.Timestamp <= when,
                    "eq" => c => c.Timestamp == when,
                    _ => throw AlarmQuery.UnsupportedOperator(term.Op, term.Field),
                });
                continue;
            }

            if (!Fields.TryGetValue(term.Field, out var field))
            {
                throw AlarmQuery.UnknownField(term.Field, [.. Fields.Keys, "timestamp"]);
            }

            if (limited && term.Field == "on_behalf_of" && term.Value != caller.ProjectId)
            {
                throw new Api.OwnerNotAuthorizedException("project", term.Value);
            }

            _ = AlarmQuery.Matches(term, null); // operator check up front: a bad one is a 400 even on an empty history
            predicates.Add(c => AlarmQuery.Matches(term, field(c)));
        }

        var changes = await store.HistoryAsync(alarmId, cancellationToken);
        var limit = Limit(request);
        return [.. changes
            .Where(c => !limited || c.OnBehalfOf == caller.ProjectId)
            .Where(c => predicates.All(p => p(c)))
            .Take(limit)];
    }

    private static int Limit(HttpRequest request)
    {
        if (request.Query["limit"] is { Count: > 0 } limits && limits[0] is { } text)
        {
            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit > 0
                ? limit
                : throw new BadRequestException($"Limit must be positive: {text}");
        }

        return int.MaxValue;
    }
}

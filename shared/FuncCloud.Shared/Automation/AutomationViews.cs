using System.Globalization;
using System.Text.Json.Nodes;

namespace FuncCloud.Shared.Automation;

/// <summary>The wire form of results: the reply message and <c>GET /automation/v1/requests/{id}</c> share it.</summary>
public static class AutomationViews
{
    /// <summary><c>{"request": {...}}</c>'s inner object.</summary>
    public static JsonObject Request(AutomationRecord record)
    {
        var view = new JsonObject
        {
            ["correlation_id"] = record.CorrelationId,
            ["kind"] = record.Kind,
            ["status"] = record.Status,
        };
        if (record.Reason is not null)
        {
            view["reason"] = record.Reason;
        }

        view["project_id"] = record.ProjectId;
        view["user_id"] = record.UserId;
        view["created_at"] = Time(record.CreatedAt);
        view["completed_at"] = record.CompletedAt is { } completed ? Time(completed) : null;
        view["results"] = record.Results?.DeepClone() ?? new JsonArray();
        if (record.Compensation is { Count: > 0 } compensation)
        {
            view["compensation"] = compensation.DeepClone();
        }

        return view;
    }

    /// <summary>One step's result, also what <c>$ref</c>s walk.</summary>
    public static JsonObject Step(StepResult result)
    {
        var response = result.Response;
        var view = new JsonObject
        {
            ["name"] = result.Name,
            ["method"] = result.Method,
            ["path"] = result.Path,
            ["status_code"] = response.StatusCode,
            ["headers"] = new JsonObject(response.Headers.Select(h => KeyValuePair.Create(h.Key, (JsonNode?)h.Value))),
            ["body"] = response.Body?.DeepClone(),
            ["started_at"] = Time(response.StartedAt),
            ["finished_at"] = Time(result.Resource?.CheckedAt ?? response.FinishedAt),
        };
        if (result.Resource is { } resource)
        {
            view["resource"] = new JsonObject
            {
                ["url"] = resource.Url,
                ["status_code"] = resource.StatusCode,
                ["status"] = resource.Status,
                ["final"] = resource.Final,
                ["checked_at"] = Time(resource.CheckedAt),
                ["body"] = resource.Body?.DeepClone(),
            };
        }

        if (result.Error is not null)
        {
            view["error"] = result.Error;
        }

        return view;
    }

    private static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture);
}

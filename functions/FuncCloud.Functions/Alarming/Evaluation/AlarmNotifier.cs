using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using FuncCloud.Functions.Alarming.Services;
using FuncCloud.Shared.Alarming;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FuncCloud.Functions.Alarming.Evaluation;

/// <summary>
/// Runs an alarm's actions for a state (aodh's notifiers): <c>log://</c> writes the notification to the log,
/// <c>http(s)://</c> POSTs aodh's body once with a bounded timeout. A failure is logged, never retried (the next
/// transition, or the next evaluation when <c>repeat_actions</c>, notifies again).
/// </summary>
public sealed partial class AlarmNotifier(HttpClient http, ActionPolicy actions, IOptions<AlarmingOptions> options, ILogger<AlarmNotifier> logger)
{
    /// <summary>Notifies every action of <paramref name="alarm"/>'s current state; returns how many were delivered.</summary>
    public async Task<int> NotifyAsync(AlarmRecord alarm, string previous, string reason, JsonObject reasonData, CancellationToken cancellationToken)
    {
        var delivered = 0;
        foreach (var action in alarm.ActionsFor(alarm.State))
        {
            if (await NotifyOneAsync(alarm, action, Body(alarm, previous, reason, reasonData), cancellationToken))
            {
                delivered++;
            }
        }

        return delivered;
    }

    /// <summary>aodh's notification body.</summary>
    public static JsonObject Body(AlarmRecord alarm, string previous, string reason, JsonObject reasonData) => new()
    {
        ["alarm_name"] = alarm.Name,
        ["alarm_id"] = alarm.AlarmId,
        ["severity"] = alarm.Severity,
        ["previous"] = previous,
        ["current"] = alarm.State,
        ["reason"] = reason,
        ["reason_data"] = reasonData.DeepClone(),
    };

    private async Task<bool> NotifyOneAsync(AlarmRecord alarm, string action, JsonObject body, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(action, UriKind.Absolute, out var url) || !actions.MayFire(url))
        {
            LogRefused(logger, alarm.AlarmId, action);
            return false;
        }

        if (url.Scheme == ActionPolicy.Log)
        {
            LogNotification(logger, alarm.AlarmId, alarm.Name, body["previous"]!.GetValue<string>(), alarm.State, body["reason"]!.GetValue<string>());
            return true;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.ActionTimeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url)
            {
                Content = new StringContent(body.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
            };
            request.Headers.TryAddWithoutValidation("x-openstack-request-id", "req-" + Guid.NewGuid());
            using var response = await http.SendAsync(request, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                LogFailed(logger, alarm.AlarmId, action, $"HTTP {(int)response.StatusCode}");
                return false;
            }

            return true;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogFailed(logger, alarm.AlarmId, action, e.Message);
            return false;
        }
    }

    [LoggerMessage(EventId = 17301, Level = LogLevel.Information, Message = "Notifying alarm {alarmName} ({alarmId}) from {previous} to {current}: {reason}")]
    private static partial void LogNotification(ILogger logger, string alarmId, string alarmName, string previous, string current, string reason);

    [LoggerMessage(EventId = 17302, Level = LogLevel.Warning, Message = "Alarm {alarmId}: action {action} failed: {error}")]
    private static partial void LogFailed(ILogger logger, string alarmId, string action, string error);

    [LoggerMessage(EventId = 17303, Level = LogLevel.Warning, Message = "Alarm {alarmId}: action {action} is no longer allowed and was skipped")]
    private static partial void LogRefused(ILogger logger, string alarmId, string action);
}

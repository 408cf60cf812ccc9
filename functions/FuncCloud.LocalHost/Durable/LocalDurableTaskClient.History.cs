using DurableTask.Core.History;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace FuncCloud.LocalHost.Durable;

/// <summary>Orchestration history: DTFx events, and the typed records the workflow monitor reads.</summary>
public sealed partial class LocalDurableTaskClient
{
    // Each event is read into its concrete DTFx type, chosen from its EventType; no type names from storage.
    private static readonly JsonSerializer HistorySerializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        TypeNameHandling = TypeNameHandling.None,
        DateTimeZoneHandling = DateTimeZoneHandling.Utc,
    });

    private static readonly Dictionary<EventType, Type> EventTypes = typeof(HistoryEvent).Assembly.GetExportedTypes()
        .Where(t => t.IsSubclassOf(typeof(HistoryEvent)) && !t.IsAbstract && t.Namespace == typeof(HistoryEvent).Namespace)
        .Select(t => (Type: t, Name: t.Name.EndsWith("Event", StringComparison.Ordinal) ? t.Name[..^"Event".Length] : t.Name))
        .Select(t => (t.Type, Known: Enum.TryParse<EventType>(t.Name, out var type), EventType: type))
        .Where(t => t.Known)
        .GroupBy(t => t.EventType)
        .ToDictionary(g => g.Key, g => g.First().Type);

    /// <inheritdoc />
    /// <exception cref="ArgumentException">No instance has this id.</exception>
    public override async Task<IList<HistoryEvent>> GetOrchestrationHistoryAsync(string instanceId, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        var state = await GetStateAsync(instanceId, fetchInput: false, cancellation)
            ?? throw new ArgumentException($"An orchestration with the instance id '{instanceId}' was not found.", nameof(instanceId));
        return await ReadHistoryAsync(instanceId, state.OrchestrationInstance.ExecutionId, cancellation);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<OrchestrationHistoryEvent>> GetHistoryAsync(string instanceId, CancellationToken cancellationToken = default) =>
        [.. (await GetOrchestrationHistoryAsync(instanceId, cancellationToken)).Select(ToRecord)];

    private async Task<IList<HistoryEvent>> ReadHistoryAsync(string instanceId, string executionId, CancellationToken cancellation)
    {
        var json = await _backend.Service.GetOrchestrationHistoryAsync(instanceId, executionId).WaitAsync(cancellation);
        var events = new List<HistoryEvent>();
        foreach (var item in JArray.Parse(json).OfType<JObject>())
        {
            var type = item.Value<JToken>(nameof(HistoryEvent.EventType)) switch
            {
                { Type: JTokenType.Integer } number => (EventType)number.Value<int>(),
                { Type: JTokenType.String } text => Enum.Parse<EventType>(text.Value<string>()!),
                _ => (EventType?)null,
            };
            if (type is { } known && EventTypes.TryGetValue(known, out var clrType) && item.ToObject(clrType, HistorySerializer) is HistoryEvent historyEvent)
            {
                events.Add(historyEvent);
            }
        }

        return events;
    }

    private static OrchestrationHistoryEvent ToRecord(HistoryEvent e)
    {
        var record = new OrchestrationHistoryEvent(e.EventId, e.EventType.ToString(), e.Timestamp);
        return e switch
        {
            ExecutionStartedEvent x => record with { Name = x.Name, Input = x.Input },
            ExecutionCompletedEvent x => record with { Result = x.Result, Status = x.OrchestrationStatus.ToRuntime().ToString(), Failure = x.FailureDetails.ToTaskFailureDetails() },
            ExecutionTerminatedEvent x => record with { Input = x.Input },
            ExecutionSuspendedEvent x => record with { Input = x.Reason },
            ExecutionResumedEvent x => record with { Input = x.Reason },
            TaskScheduledEvent x => record with { Name = x.Name, Input = x.Input },
            TaskCompletedEvent x => record with { TaskScheduledId = x.TaskScheduledId, Result = x.Result },
            TaskFailedEvent x => record with { TaskScheduledId = x.TaskScheduledId, Failure = x.FailureDetails.ToTaskFailureDetails() },
            SubOrchestrationInstanceCreatedEvent x => record with { Name = x.Name, InstanceId = x.InstanceId, Input = x.Input },
            SubOrchestrationInstanceCompletedEvent x => record with { TaskScheduledId = x.TaskScheduledId, Result = x.Result },
            SubOrchestrationInstanceFailedEvent x => record with { TaskScheduledId = x.TaskScheduledId, Failure = x.FailureDetails.ToTaskFailureDetails() },
            TimerCreatedEvent x => record with { FireAt = x.FireAt },
            TimerFiredEvent x => record with { TaskScheduledId = x.TimerId, FireAt = x.FireAt },
            EventRaisedEvent x => record with { Name = x.Name, Input = x.Input },
            EventSentEvent x => record with { Name = x.Name, InstanceId = x.InstanceId, Input = x.Input },
            _ => record,
        };
    }
}

using DurableTask.Core;
using DurableTask.Core.Exceptions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Core = DurableTask.Core;

namespace FuncCloud.LocalHost.Durable;

/// <summary>
/// The <see cref="DurableTaskClient"/> that <c>[DurableClient]</c> binds to on the local host: the
/// durabletask-dotnet client API over DTFx's <see cref="TaskHubClient"/> and the shared
/// <see cref="DurableTask.AzureStorage.AzureStorageOrchestrationService"/>. Inputs, outputs, event payloads
/// and custom status go through the host's one <see cref="DataConverter"/> (System.Text.Json, web defaults).
/// </summary>
/// <remarks>
/// A start with the id of a Pending, Running or Suspended instance is refused with
/// <see cref="OrchestrationAlreadyExistsException"/> (the Functions default, <c>NonRunningStates</c>): an API call
/// retried with the same resource id never runs a workflow twice. A start with the id of a finished instance
/// replaces it. <see cref="StartOrchestrationOptions.DedupeStatuses"/> overrides the refused set.
/// </remarks>
public sealed partial class LocalDurableTaskClient : DurableTaskClient, IOrchestrationHistoryReader
{
    private static readonly TimeSpan FirstPoll = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan LongestPoll = TimeSpan.FromMilliseconds(500);
    private readonly DurableTaskBackend _backend;
    private readonly DataConverter _converter;
    private readonly ILogger _logger;

    /// <summary>Creates the client over the host's backend.</summary>
    public LocalDurableTaskClient(DurableTaskBackend backend, DataConverter converter, ILogger<LocalDurableTaskClient> logger)
        : base(backend.HubName)
    {
        _backend = backend;
        _converter = converter;
        _logger = logger;
    }

    private TaskHubClient Client => _backend.Client;

    /// <inheritdoc />
    public override async Task<string> ScheduleNewOrchestrationInstanceAsync(TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(orchestratorName.Name, nameof(orchestratorName));
        cancellation.ThrowIfCancellationRequested();
        var instanceId = options?.InstanceId ?? Guid.NewGuid().ToString("N");
        var refused = RefusedStatuses(options);
        await ReplaceReusableRunningInstanceAsync(instanceId, refused, cancellation);

        var tags = options?.Tags?.ToDictionary(t => t.Key, t => t.Value) ?? [];
        var startAt = options?.StartAt?.UtcDateTime;
        try
        {
            // The DTFx client serializes the input with the host's converter (CoreDataConverter).
            await (startAt is { } at
                ? Client.CreateOrchestrationInstanceAsync(orchestratorName.Name, options?.Version ?? string.Empty, instanceId, input, tags, refused, at)
                : Client.CreateOrchestrationInstanceAsync(orchestratorName.Name, options?.Version ?? string.Empty, instanceId, input, tags, refused));
        }
        catch (OrchestrationAlreadyExistsException)
        {
            DurableTaskLog.OrchestrationAlreadyExists(_logger, instanceId, "active");
            throw;
        }

        DurableTaskLog.OrchestrationScheduled(_logger, orchestratorName.Name, instanceId);
        return instanceId;
    }

    /// <inheritdoc />
    public override Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        cancellation.ThrowIfCancellationRequested();
        return Client.RaiseEventAsync(new OrchestrationInstance { InstanceId = instanceId }, eventName, eventPayload!);
    }

    /// <inheritdoc />
    public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        cancellation.ThrowIfCancellationRequested();
        return Client.SuspendInstanceAsync(new OrchestrationInstance { InstanceId = instanceId }, reason!);
    }

    /// <inheritdoc />
    public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        cancellation.ThrowIfCancellationRequested();
        return Client.ResumeInstanceAsync(new OrchestrationInstance { InstanceId = instanceId }, reason!);
    }

    /// <inheritdoc />
    /// <remarks>The output (if any) becomes the instance's serialized output. Sub-orchestrations keep running.</remarks>
    public override Task TerminateInstanceAsync(string instanceId, TerminateInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        cancellation.ThrowIfCancellationRequested();
        return _backend.Service.ForceTerminateTaskOrchestrationAsync(instanceId, _converter.Serialize(options?.Output)!);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Re-runs the instance's orchestrator with its original input. With the same id the instance must be
    /// finished: a Pending, Running or Suspended instance is never terminated behind its caller's back
    /// (<see cref="InvalidOperationException"/>).
    /// </remarks>
    public override async Task<string> RestartAsync(string instanceId, bool restartWithNewInstanceId = false, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        var state = await GetStateAsync(instanceId, fetchInput: true, cancellation)
            ?? throw new ArgumentException($"An orchestration with the instance id '{instanceId}' was not found.", nameof(instanceId));
        if (!restartWithNewInstanceId && !state.OrchestrationStatus.IsTerminal())
        {
            throw new InvalidOperationException($"Orchestration '{instanceId}' is {state.OrchestrationStatus}; only a finished instance can be restarted with the same id.");
        }

        var newInstanceId = restartWithNewInstanceId ? Guid.NewGuid().ToString("N") : instanceId;
        var instance = new OrchestrationInstance { InstanceId = newInstanceId, ExecutionId = Guid.NewGuid().ToString("N") };

        // The stored input is already serialized: it is sent as is, not serialized a second time.
        await _backend.Service.CreateTaskOrchestrationAsync(
            new TaskMessage
            {
                OrchestrationInstance = instance,
                Event = new Core.History.ExecutionStartedEvent(-1, state.Input)
                {
                    Name = state.Name,
                    Version = state.Version ?? string.Empty,
                    OrchestrationInstance = instance,
                    Tags = state.Tags,
                },
            },
            [.. DurableStatus.NonTerminal]);
        DurableTaskLog.OrchestrationScheduled(_logger, state.Name, newInstanceId);
        return newInstanceId;
    }

    /// <inheritdoc />
    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static Core.OrchestrationStatus[] RefusedStatuses(StartOrchestrationOptions? options) =>
        options?.DedupeStatuses is { Count: > 0 } statuses
            ? [.. statuses.Select(s => Enum.TryParse<OrchestrationRuntimeStatus>(s, ignoreCase: true, out var status)
                ? status.ToCore()
                : throw new ArgumentException($"'{s}' is not an orchestration runtime status.", nameof(options)))]
            : [.. DurableStatus.NonTerminal];

    /// <summary>
    /// When the caller explicitly allows reusing an active instance's id, that instance is terminated first
    /// (and awaited), as the durabletask-dotnet clients do; Azure Storage would otherwise mix two executions.
    /// </summary>
    private async Task ReplaceReusableRunningInstanceAsync(string instanceId, Core.OrchestrationStatus[] refused, CancellationToken cancellation)
    {
        if (DurableStatus.NonTerminal.All(refused.Contains))
        {
            return;
        }

        var existing = await GetStateAsync(instanceId, fetchInput: false, cancellation);
        if (existing is null || existing.OrchestrationStatus.IsTerminal() || refused.Contains(existing.OrchestrationStatus))
        {
            return;
        }

        await TerminateInstanceAsync(instanceId, new TerminateInstanceOptions($"Replaced by a new start of '{instanceId}'."), cancellation);
        await WaitForInstanceCompletionAsync(instanceId, cancellation);
        DurableTaskLog.OrchestrationReplaced(_logger, instanceId, existing.OrchestrationStatus.ToString());
    }
}

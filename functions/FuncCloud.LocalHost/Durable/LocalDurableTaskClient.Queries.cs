using DurableTask.AzureStorage;
using DurableTask.Core.History;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Core = DurableTask.Core;
using CoreQuery = DurableTask.Core.Query.OrchestrationQuery;

namespace FuncCloud.LocalHost.Durable;

/// <summary>Instance state: reads, queries, waits and purges.</summary>
public sealed partial class LocalDurableTaskClient
{
    /// <inheritdoc />
    public override async Task<OrchestrationMetadata?> GetInstancesAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        var state = await GetStateAsync(instanceId, getInputsAndOutputs, cancellation);
        return state is null ? null : await ToMetadataAsync(state, cancellation);
    }

    /// <inheritdoc />
    public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null) =>
        Pageable.Create<OrchestrationMetadata>(async (continuation, pageSize, cancellation) =>
        {
            var query = new CoreQuery
            {
                RuntimeStatus = filter?.Statuses?.Select(s => s.ToCore()).ToList(),
                CreatedTimeFrom = filter?.CreatedFrom?.UtcDateTime,
                CreatedTimeTo = filter?.CreatedTo?.UtcDateTime,
                InstanceIdPrefix = filter?.InstanceIdPrefix,
                PageSize = pageSize ?? filter?.PageSize ?? OrchestrationQuery.DefaultPageSize,
                ContinuationToken = continuation ?? filter?.ContinuationToken,
                FetchInputsAndOutputs = filter?.FetchInputsAndOutputs ?? false,
            };
            var result = await _backend.Service.GetOrchestrationWithQueryAsync(query, cancellation);
            var page = new List<OrchestrationMetadata>(result.OrchestrationState.Count);
            foreach (var state in result.OrchestrationState)
            {
                page.Add(await ToMetadataAsync(state, cancellation));
            }

            return new Page<OrchestrationMetadata>(page, result.ContinuationToken);
        });

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">No instance has this id.</exception>
    public override async Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        for (var delay = FirstPoll; ; delay = Next(delay))
        {
            var metadata = await GetInstancesAsync(instanceId, getInputsAndOutputs, cancellation)
                ?? throw new InvalidOperationException($"Orchestration '{instanceId}' does not exist.");
            if (metadata.RuntimeStatus != OrchestrationRuntimeStatus.Pending)
            {
                return metadata;
            }

            await Task.Delay(delay, cancellation);
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// Polls the instance table (50 ms, backing off to 500 ms): DTFx's own wait polls every 2 s, which would
    /// add seconds to every local call. An instance not created yet is waited for too.
    /// </remarks>
    public override async Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        for (var delay = FirstPoll; ; delay = Next(delay))
        {
            var state = await GetStateAsync(instanceId, getInputsAndOutputs, cancellation);
            if (state is not null && state.OrchestrationStatus.IsTerminal())
            {
                return await ToMetadataAsync(state, cancellation);
            }

            await Task.Delay(delay, cancellation);
        }
    }

    /// <inheritdoc />
    /// <remarks>Only finished instances are purged; an unknown or active instance purges nothing.</remarks>
    public override async Task<PurgeResult> PurgeInstanceAsync(string instanceId, PurgeInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        var state = await GetStateAsync(instanceId, fetchInput: false, cancellation);
        if (state is null || !state.OrchestrationStatus.IsTerminal())
        {
            return new PurgeResult(0);
        }

        var result = await _backend.Service.PurgeInstanceHistoryAsync(instanceId);
        return new PurgeResult(result.InstancesDeleted, isComplete: true);
    }

    /// <inheritdoc />
    /// <remarks>Without a status filter only finished instances are purged: a running workflow is never deleted.</remarks>
    public override async Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter, PurgeInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        cancellation.ThrowIfCancellationRequested();
        var statuses = filter.Statuses?.Select(s => s.ToCore()).ToList() is { Count: > 0 } requested ? requested : [.. DurableStatus.Terminal];
        var result = await _backend.Service.PurgeInstanceHistoryAsync((filter.CreatedFrom ?? DateTimeOffset.MinValue).UtcDateTime, filter.CreatedTo?.UtcDateTime, statuses);
        return new PurgeResult(result.InstancesDeleted, isComplete: true);
    }

    private static TimeSpan Next(TimeSpan delay) => delay * 2 < LongestPoll ? delay * 2 : LongestPoll;

    /// <summary>The latest execution's state, or null: Azure Storage answers an unknown id with a list holding null.</summary>
    private async Task<Core.OrchestrationState?> GetStateAsync(string instanceId, bool fetchInput, CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        var states = await _backend.Service.GetOrchestrationStateAsync(instanceId, allExecutions: false, fetchInput: fetchInput).WaitAsync(cancellation);
        return states?.FirstOrDefault(s => s is not null);
    }

    private async Task<OrchestrationMetadata> ToMetadataAsync(Core.OrchestrationState state, CancellationToken cancellation) =>
        new(state.Name, state.OrchestrationInstance.InstanceId)
        {
            DataConverter = _converter,
            RuntimeStatus = state.OrchestrationStatus.ToRuntime(),
            CreatedAt = state.CreatedTime,
            LastUpdatedAt = state.LastUpdatedTime,
            SerializedInput = state.Input,
            SerializedOutput = state.Output,
            SerializedCustomStatus = state.Status,
            Tags = state.Tags is { } tags ? new Dictionary<string, string>(tags) : new Dictionary<string, string>(),
            FailureDetails = state.OrchestrationStatus == Core.OrchestrationStatus.Failed
                ? state.FailureDetails.ToTaskFailureDetails() ?? await DeriveFailureDetailsAsync(state, cancellation)
                : null,
        };

    /// <summary>
    /// Azure Storage keeps no FailureDetails on the instance row: they are read back from the execution's
    /// ExecutionCompleted event, or, failing that, the stored output.
    /// </summary>
    private async Task<TaskFailureDetails?> DeriveFailureDetailsAsync(Core.OrchestrationState state, CancellationToken cancellation)
    {
        var instanceId = state.OrchestrationInstance.InstanceId;
        try
        {
            var history = await ReadHistoryAsync(instanceId, state.OrchestrationInstance.ExecutionId, cancellation);
            var completed = history.OfType<ExecutionCompletedEvent>().LastOrDefault();
            if (completed?.FailureDetails is { } details)
            {
                return details.ToTaskFailureDetails();
            }

            var taskFailed = history.OfType<TaskFailedEvent>().LastOrDefault()?.FailureDetails
                ?? history.OfType<SubOrchestrationInstanceFailedEvent>().LastOrDefault()?.FailureDetails;
            if (taskFailed is not null && completed is not null)
            {
                return new TaskFailureDetails("Microsoft.DurableTask.TaskFailedException", completed.Result ?? taskFailed.ErrorMessage, null, taskFailed.ToTaskFailureDetails(), null);
            }
        }
        catch (Exception e) when (e is InvalidOperationException or Newtonsoft.Json.JsonException or Azure.RequestFailedException)
        {
            DurableTaskLog.FailureDetailsUnavailable(_logger, e, instanceId);
        }

        return state.Output is { Length: > 0 } output ? new TaskFailureDetails("OrchestrationFailed", output, null, null, null) : null;
    }
}

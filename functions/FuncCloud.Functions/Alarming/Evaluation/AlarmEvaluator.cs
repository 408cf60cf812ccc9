using System.Text.Json.Nodes;
using FuncCloud.Functions.Alarming.Services;
using FuncCloud.Shared.Alarming;
using FuncCloud.Shared.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FuncCloud.Functions.Alarming.Evaluation;

/// <summary>What one evaluation round did.</summary>
public sealed record EvaluationRound(int Visited, int Evaluated, int Skipped, int Transitions, int Notified, int Failed, TimeSpan Elapsed);

/// <summary>
/// Evaluates every enabled alarm once per round (aodh's threshold evaluator). Work is bounded: at most
/// <see cref="AlarmingOptions.MaxAlarmsPerRound"/> alarms, <see cref="AlarmingOptions.EvaluationConcurrency"/> at
/// once, each gnocchi read and webhook with a timeout. A transition is stored with an ETag compare-and-swap
/// before any action fires, so two replicas evaluating the same alarm never both notify: the loser's swap fails.
/// </summary>
public sealed partial class AlarmEvaluator(
    AlarmStore store,
    GnocchiClient gnocchi,
    EvaluationTokens tokens,
    AlarmNotifier notifier,
    IOptions<AlarmingOptions> options,
    TimeProvider clock,
    ILogger<AlarmEvaluator> logger)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private DateTimeOffset _nextRound = DateTimeOffset.MinValue;

    /// <summary>Runs a round when <see cref="AlarmingOptions.EvaluationInterval"/> has passed since the last one; null otherwise.</summary>
    public async Task<EvaluationRound?> RunIfDueAsync(CancellationToken cancellationToken)
    {
        if (clock.GetUtcNow() < _nextRound || !await _gate.WaitAsync(0, cancellationToken))
        {
            return null;
        }

        try
        {
            _nextRound = clock.GetUtcNow() + options.Value.EvaluationInterval;
            return await RunRoundAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Evaluates every enabled alarm now.</summary>
    public async Task<EvaluationRound> RunRoundAsync(CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        var alarms = new List<Document<AlarmRecord>>();
        await foreach (var document in store.ScanAsync(cancellationToken))
        {
            if (document.Value.Enabled)
            {
                alarms.Add(document);
            }

            if (alarms.Count >= options.Value.MaxAlarmsPerRound)
            {
                break;
            }
        }

        int evaluated = 0, skipped = 0, transitions = 0, notified = 0, failed = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Value.EvaluationConcurrency), CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(alarms, parallel, async (alarm, token) =>
        {
            try
            {
                var result = await EvaluateAsync(alarm, token);
                Interlocked.Increment(ref result.Evaluated ? ref evaluated : ref skipped);
                if (result.Transitioned)
                {
                    Interlocked.Increment(ref transitions);
                }

                Interlocked.Add(ref notified, result.Notified);
            }
            catch (Exception e) when (!token.IsCancellationRequested)
            {
                Interlocked.Increment(ref failed);
                LogEvaluationFailed(logger, e, alarm.Id, e.Message);
            }
        });

        var round = new EvaluationRound(alarms.Count, evaluated, skipped, transitions, notified, failed, clock.GetElapsedTime(started));
        LogRound(logger, round.Visited, round.Transitions, round.Notified, round.Failed, round.Elapsed.TotalMilliseconds);
        return round;
    }

    private async Task<(bool Evaluated, bool Transitioned, int Notified)> EvaluateAsync(Document<AlarmRecord> document, CancellationToken cancellationToken)
    {
        var alarm = document.Value;
        var now = clock.GetUtcNow();
        if (!TimeConstraintRules.IsWithin(alarm.TimeConstraints, now))
        {
            return (false, false, 0);
        }

        var rule = alarm.Rule;
        var start = now - TimeSpan.FromSeconds((double)rule.Granularity * rule.EvaluationPeriods) - options.Value.AdditionalIngestionLag;
        IReadOnlyList<double> values;
        try
        {
            var token = await tokens.GetAsync(alarm.UserId, alarm.ProjectId, cancellationToken);
            values = await gnocchi.FetchAsync(alarm, token, start, now, cancellationToken);
        }
        catch (GnocchiException e)
        {
            // aodh: a failed read counts as no data, so a broken metric shows as "insufficient data".
            LogGnocchiFailed(logger, alarm.AlarmId, e.Message);
            values = [];
        }

        if (ThresholdEvaluation.Evaluate(alarm, values) is not { State: { } state } outcome)
        {
            return (true, false, 0);
        }

        var transitioned = state != alarm.State;
        var updated = alarm with { State = state, StateReason = outcome.Reason, StateTimestamp = transitioned ? now : alarm.StateTimestamp };
        try
        {
            await store.ReplaceAsync(document, updated, cancellationToken);
        }
        catch (ConcurrencyException)
        {
            // Another replica (or a user) changed the alarm since it was read: theirs stands, nothing fires here.
            return (true, false, 0);
        }

        if (transitioned)
        {
            var detail = new JsonObject { ["state"] = state, ["transition_reason"] = outcome.Reason };
            await store.RecordChangeAsync(AlarmChanges.Entry(updated, AlarmChangeTypes.StateTransition, detail, alarm.UserId, alarm.ProjectId, now), cancellationToken);
        }

        var delivered = await notifier.NotifyAsync(updated, alarm.State, outcome.Reason, outcome.ReasonData, cancellationToken);
        return (true, transitioned, delivered);
    }

    [LoggerMessage(EventId = 17311, Level = LogLevel.Information, Message = "Alarm evaluation round: {visited} alarms, {transitions} transitions, {notified} notifications, {failed} failures in {elapsedMs} ms")]
    private static partial void LogRound(ILogger logger, int visited, int transitions, int notified, int failed, double elapsedMs);

    [LoggerMessage(EventId = 17312, Level = LogLevel.Warning, Message = "Alarm {alarmId}: measures retrieval failed: {error}")]
    private static partial void LogGnocchiFailed(ILogger logger, string alarmId, string error);

    [LoggerMessage(EventId = 17313, Level = LogLevel.Error, Message = "Alarm {alarmId}: evaluation failed: {error}")]
    private static partial void LogEvaluationFailed(ILogger logger, Exception exception, string alarmId, string error);
}

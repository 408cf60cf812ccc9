using FuncCloud.LocalHost.Catalog;
using FuncCloud.LocalHost.Invocation;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.LocalHost.Timers;

/// <summary>
/// Runs one timer function on its schedule. Invocations never overlap: the next occurrence is the one after
/// the last invoked occurrence; if the function ran past it, that occurrence runs at once with
/// <see cref="TimerInfo.IsPastDue"/> set, and any further missed ones are skipped (no catch-up storm). An
/// exception is logged and the schedule continues, as in Functions.
/// </summary>
public sealed class TimerRunner(
    FunctionDescriptor function,
    TimerSchedule schedule,
    bool runOnStartup,
    TimerSingletonLease lease,
    FunctionInvoker invoker,
    TimeProvider time,
    ILogger logger) : BackgroundService
{
    private static readonly TimeSpan MaxDelayStep = TimeSpan.FromDays(1);
    private static readonly IReadOnlyDictionary<string, object?> EmptyBindingData = new Dictionary<string, object?>();
    private DateTimeOffset? _last;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var occurrence = schedule.GetNextOccurrence(time.GetUtcNow());
            TimerTriggerLog.Scheduled(logger, function.Name, schedule, occurrence);
            if (runOnStartup)
            {
                await RunAsync(time.GetUtcNow(), occurrence, isPastDue: false, stoppingToken);
            }

            var pastDue = false;
            while (!stoppingToken.IsCancellationRequested)
            {
                await DelayUntilAsync(occurrence, stoppingToken);
                await RunAsync(occurrence, schedule.GetNextOccurrence(occurrence), pastDue, stoppingToken);
                var now = time.GetUtcNow();
                var next = schedule.GetNextOccurrence(occurrence);
                (occurrence, pastDue) = next >= now ? (next, false)
                    : pastDue ? (schedule.GetNextOccurrence(now), false)
                    : (next, true);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host stopping.
        }
        finally
        {
            await lease.ReleaseAsync();
        }
    }

    private async Task RunAsync(DateTimeOffset occurrence, DateTimeOffset next, bool isPastDue, CancellationToken stoppingToken)
    {
        try
        {
            if (!await lease.TryAcquireAsync(stoppingToken))
            {
                TimerTriggerLog.NotLeader(logger, function.Name, occurrence);
                return;
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Storage unavailable: skip this occurrence. An exception escaping a BackgroundService would stop the host.
            TimerTriggerLog.LeaseFailed(logger, e, function.Name, occurrence);
            return;
        }

        var timer = new TimerInfo
        {
            IsPastDue = isPastDue,
            ScheduleStatus = new ScheduleStatus
            {
                // Last stays default until this replica has run an occurrence, as with a fresh Functions monitor.
                Last = _last?.UtcDateTime ?? default,
                Next = next.UtcDateTime,
                LastUpdated = time.GetUtcNow().UtcDateTime,
            },
        };
        _last = occurrence;
        try
        {
            await lease.RunHeldAsync(
                () => invoker.InvokeAsync(function, new TimerTriggerBinder(function, timer), EmptyBindingData, stoppingToken),
                stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            TimerTriggerLog.Failed(logger, e, function.Name);
        }
    }

    // Task.Delay takes at most ~24 days and may wake a little early: wait in steps until the clock has passed.
    private async Task DelayUntilAsync(DateTimeOffset due, CancellationToken stoppingToken)
    {
        TimeSpan remaining;
        while ((remaining = due - time.GetUtcNow()) > TimeSpan.Zero)
        {
            var step = remaining > MaxDelayStep ? MaxDelayStep : TimeSpan.FromMilliseconds(Math.Ceiling(remaining.TotalMilliseconds));
            await Task.Delay(step, time, stoppingToken);
        }
    }
}

using FuncCloud.Functions.Alarming.Evaluation;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Alarming.Functions;

/// <summary>
/// The alarm evaluator on a timer. The timer ticks every 5 seconds (one replica per tick: timer singleton) and a
/// round runs when <c>FuncCloud:Alarming:EvaluationInterval</c> (60 s by default) has passed since the last one,
/// so the interval is a setting with a default, which a <c>%setting%</c> schedule cannot have. An idle tick
/// touches no storage beyond the timer's lease.
/// </summary>
public sealed class EvaluateAlarms(AlarmEvaluator evaluator)
{
    /// <summary>NCRONTAB: every 5 seconds.</summary>
    public const string Schedule = "*/5 * * * * *";

    [Function(nameof(EvaluateAlarms))]
    public Task RunAsync([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellationToken) => evaluator.RunIfDueAsync(cancellationToken);
}

using FuncCloud.LocalHost.Tests.Timers;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.LocalHost.Tests.TestFunctions;

/// <summary>
/// Timer functions that pin the schedule forms. Every fixture of this assembly runs them, so they are cheap
/// and do nothing unless <see cref="TimerHostFixture"/> registered the recorder.
/// </summary>
public sealed class TimerFunctions(TimerRecorder? recorder = null)
{
    [Function(nameof(EverySecond))]
    public void EverySecond([TimerTrigger("*/1 * * * * *")] TimerInfo timer) => recorder?.Record(nameof(EverySecond), timer);

    [Function(nameof(EverySecondInterval))]
    public void EverySecondInterval([TimerTrigger("00:00:01")] TimerInfo timer) => recorder?.Record(nameof(EverySecondInterval), timer);

    [Function(nameof(ThrowingTimer))]
    public void ThrowingTimer([TimerTrigger("*/1 * * * * *")] TimerInfo timer)
    {
        if (recorder is null)
        {
            return;
        }

        recorder.Record(nameof(ThrowingTimer), timer);
        throw new InvalidOperationException("timer failure must not stop the schedule");
    }

    [Function(nameof(StartupTimer))]
    public void StartupTimer([TimerTrigger("0 0 0 1 1 *", RunOnStartup = true)] TimerInfo timer) => recorder?.Record(nameof(StartupTimer), timer);
}

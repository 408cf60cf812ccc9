using FuncCloud.LocalHost.Tests.TestFunctions;
using Shouldly;
using Xunit;

namespace FuncCloud.LocalHost.Tests.Timers;

public sealed class TimerTriggerTests(TimerHostFixture host) : IClassFixture<TimerHostFixture>
{
    private TimerRecorder Recorder => host.Recorder;

    [Theory]
    [InlineData(nameof(TimerFunctions.EverySecond))]
    [InlineData(nameof(TimerFunctions.EverySecondInterval))]
    public async Task ShortSchedule_FiresRepeatedly_WithScheduleStatus(string function)
    {
        var invocations = await Recorder.WaitForAsync(function, 3);

        invocations.Count.ShouldBeGreaterThanOrEqualTo(3);
        var later = invocations.Skip(1).ToList();
        later.ShouldAllBe(i => i.Timer.ScheduleStatus != null && !i.Timer.IsPastDue);
        foreach (var invocation in later)
        {
            var status = invocation.Timer.ScheduleStatus!;
            status.Last.ShouldNotBe(default);
            (status.Next - status.Last).ShouldBe(TimeSpan.FromSeconds(2), "Last is the previous occurrence, Next the one after this");
            status.LastUpdated.ShouldBeGreaterThan(status.Last);
        }

        // Occurrences are a second apart (give or take the timer resolution); never two at once.
        for (var i = 1; i < invocations.Count; i++)
        {
            (invocations[i].At - invocations[i - 1].At).ShouldBeGreaterThan(TimeSpan.FromMilliseconds(500));
        }
    }

    [Fact]
    public async Task Exception_Logged_ScheduleContinues()
    {
        var invocations = await Recorder.WaitForAsync(nameof(TimerFunctions.ThrowingTimer), 3);

        invocations.Count.ShouldBeGreaterThanOrEqualTo(3);
    }

    [Fact]
    public async Task RunOnStartup_FiresOnceAtStart()
    {
        var invocations = await Recorder.WaitForAsync(nameof(TimerFunctions.StartupTimer), 1);

        var startup = invocations.ShouldHaveSingleItem();
        startup.Timer.IsPastDue.ShouldBeFalse();
        // The schedule itself is yearly: Next is the coming 1 January.
        startup.Timer.ScheduleStatus!.Next.ShouldBe(new DateTime(DateTime.UtcNow.Year + 1, 1, 1, 0, 0, 0, DateTimeKind.Utc));
    }
}

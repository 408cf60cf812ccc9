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
        invocations.ShouldAllBe(i => i.Timer.ScheduleStatus != null);
        foreach (var status in invocations.Skip(1).Select(i => i.Timer.ScheduleStatus!))
        {
            // Last is the previous occurrence and Next the one after this: two periods apart, or more when the
            // host fell behind and skipped occurrences (a loaded machine), but always whole periods.
            status.Last.ShouldNotBe(default);
            (status.Next - status.Last).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(2));
            ((status.Next - status.Last).Ticks % TimeSpan.TicksPerSecond).ShouldBe(0);
            status.LastUpdated.ShouldBeGreaterThan(status.Last);
        }

        // No occurrence runs twice.
        invocations.Select(i => i.Timer.ScheduleStatus!.Next).ShouldBeUnique();
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

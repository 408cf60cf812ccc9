using FuncCloud.LocalHost.Timers;
using Shouldly;
using Xunit;

namespace FuncCloud.LocalHost.Tests.Timers;

public sealed class TimerScheduleTests
{
    private static readonly DateTimeOffset Base = new(2025, 3, 10, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("*/10 * * * * *", "2025-03-10T12:00:10Z")]
    [InlineData("0 */5 * * * *", "2025-03-10T12:05:00Z")]
    [InlineData("*/15 * * * *", "2025-03-10T12:15:00Z")]
    [InlineData("0 0 13 * * 1", "2025-03-10T13:00:00Z")]
    [InlineData("00:00:05", "2025-03-10T12:00:05Z")]
    [InlineData("01:00:00", "2025-03-10T13:00:00Z")]
    public void GetNextOccurrence_SupportedForms_Computed(string expression, string expected)
    {
        TimerSchedule.Parse(expression).GetNextOccurrence(Base).ShouldBe(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("not a schedule")]
    [InlineData("* * *")]
    [InlineData("61 * * * * *")]
    [InlineData("-00:00:05")]
    public void Parse_Invalid_Throws(string expression)
    {
        Should.Throw<FormatException>(() => TimerSchedule.Parse(expression));
    }
}

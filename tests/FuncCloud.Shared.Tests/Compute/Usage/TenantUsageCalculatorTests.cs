using FuncCloud.Shared.Compute.Usage;
using Shouldly;
using Xunit;

namespace FuncCloud.Shared.Tests.Compute.Usage;

/// <summary>Nova's <c>_hours_for</c> and totals: clipping to the window, not launched, terminated, current flavor.</summary>
public sealed class TenantUsageCalculatorTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Stop = Start.AddDays(1);

    [Theory]
    [InlineData(-2.0, null, 24.0)]      // launched before, still running: the whole window
    [InlineData(2.0, null, 22.0)]       // launched inside: from the launch
    [InlineData(-2.0, 3.0, 3.0)]        // terminated inside: up to the termination
    [InlineData(2.0, 3.0, 1.0)]         // both inside
    [InlineData(-5.0, -1.0, 0.0)]       // terminated before the window
    [InlineData(25.0, null, 0.0)]       // launched after the window
    public void HoursFor_ClipsToTheWindow(double launchedHours, double? terminatedHours, double expected)
    {
        var server = Server("p", Start.AddHours(launchedHours), terminatedHours is { } t ? Start.AddHours(t) : null);

        TenantUsageCalculator.HoursFor(server, Start, Stop).ShouldBe(expected, 1e-9);
    }

    [Fact]
    public void HoursFor_NeverLaunched_IsZero() =>
        TenantUsageCalculator.HoursFor(Server("p", null, null), Start, Stop).ShouldBe(0);

    [Fact]
    public void Summarize_GroupsByProjectInOrder_TotalsAtTheCurrentFlavor()
    {
        var now = Stop.AddHours(1);
        var usages = TenantUsageCalculator.Summarize(
            [Server("p1", Start, null, vcpus: 2, memoryMb: 4096, localGb: 40), Server("p1", Start.AddHours(12), Start.AddHours(18)), Server("p2", Start, null)],
            Start, Stop, now);

        usages.Select(u => u.ProjectId).ShouldBe(["p1", "p2"]);
        var p1 = usages[0];
        p1.TotalHours.ShouldBe(30, 1e-9);
        p1.TotalVcpusUsage.ShouldBe((2 * 24) + 6, 1e-9);
        p1.TotalMemoryMbUsage.ShouldBe((4096 * 24) + (512 * 6), 1e-9);
        p1.TotalLocalGbUsage.ShouldBe((40 * 24) + 6, 1e-9);
        p1.Servers[0].State.ShouldBe("active");
        p1.Servers[0].UptimeSeconds.ShouldBe((long)(now - Start).TotalSeconds);
        p1.Servers[1].State.ShouldBe("terminated");
        p1.Servers[1].UptimeSeconds.ShouldBe(6 * 3600);
    }

    private static ServerUsageRecord Server(string project, DateTimeOffset? launched, DateTimeOffset? terminated, int vcpus = 1, int memoryMb = 512, int localGb = 1) =>
        new(Guid.NewGuid().ToString(), project, "vm", "m1", vcpus, memoryMb, localGb, terminated is null ? "active" : "deleted", launched, terminated);
}

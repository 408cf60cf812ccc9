using FuncCloud.Shared.Compute.Quotas;
using Shouldly;
using Xunit;

namespace FuncCloud.Shared.Tests.Compute.Quotas;

public sealed class QuotaMathTests
{
    private static readonly Dictionary<string, int> Limits = new() { ["instances"] = 10, ["cores"] = 20, ["ram"] = 51200, ["key_pairs"] = -1 };

    [Fact]
    public void FindOvers_WithinLimits_IsEmpty() =>
        QuotaMath.FindOvers(Limits, Used(9, 18, 1024), Requested(1, 2, 512)).ShouldBeEmpty();

    [Fact]
    public void FindOvers_ExactlyAtLimit_IsAllowed() =>
        QuotaMath.FindOvers(Limits, Used(9, 19, 50000), Requested(1, 1, 1200)).ShouldBeEmpty();

    [Fact]
    public void FindOvers_OneOver_ReportsIt()
    {
        var overs = QuotaMath.FindOvers(Limits, Used(10, 10, 0), Requested(1, 1, 512));

        overs.ShouldBe([new QuotaOver("instances", 1, 10, 10)]);
        QuotaMath.InstancesMessage(overs).ShouldBe("Quota exceeded for instances: Requested 1, but already used 10 of 10 instances");
    }

    [Fact]
    public void FindOvers_SeveralOver_JoinsLikeNova()
    {
        var overs = QuotaMath.FindOvers(Limits, Used(10, 20, 0), Requested(1, 2, 512));

        QuotaMath.InstancesMessage(overs).ShouldBe("Quota exceeded for cores, instances: Requested 2, 1, but already used 20, 10 of 20, 10 cores, instances");
    }

    [Fact]
    public void FindOvers_Unlimited_NeverFails() =>
        QuotaMath.FindOvers(Limits, new Dictionary<string, long> { ["key_pairs"] = 1_000_000 }, new Dictionary<string, long> { ["key_pairs"] = 1 }).ShouldBeEmpty();

    [Fact]
    public void FindOvers_ZeroRequest_RechecksUsage() =>
        QuotaMath.FindOvers(Limits, Used(11, 0, 0), Requested(0, 0, 0)).Select(o => o.Resource).ShouldBe(["instances"]);

    [Fact]
    public void FindOvers_NegativeRequest_NeverFails() =>
        QuotaMath.FindOvers(Limits, Used(11, 30, 0), Requested(0, -2, 0)).Select(o => o.Resource).ShouldBe(["instances"]);

    [Fact]
    public void FindOvers_ZeroLimit_RejectsAnyRequest() =>
        QuotaMath.FindOvers(new Dictionary<string, int> { ["instances"] = 0 }, Used(0, 0, 0), Requested(1, 0, 0)).Count.ShouldBe(1);

    [Theory]
    [InlineData(-1, 100, true)]
    [InlineData(5, 5, true)]
    [InlineData(4, 5, false)]
    [InlineData(0, 0, true)]
    public void IsAcceptableLimit_BelowUsage_Refused(int limit, long used, bool acceptable) =>
        QuotaMath.IsAcceptableLimit(limit, used).ShouldBe(acceptable);

    [Fact]
    public void Headroom_UnlimitedAndOverUsed()
    {
        QuotaMath.Headroom(Limits, Used(3, 0, 0), "instances").ShouldBe(7);
        QuotaMath.Headroom(Limits, Used(12, 0, 0), "instances").ShouldBe(0);
        QuotaMath.Headroom(Limits, Used(0, 0, 0), "key_pairs").ShouldBe(long.MaxValue);
    }

    private static Dictionary<string, long> Used(long instances, long cores, long ram) => new() { ["instances"] = instances, ["cores"] = cores, ["ram"] = ram };

    private static Dictionary<string, long> Requested(long instances, long cores, long ram) => new() { ["instances"] = instances, ["cores"] = cores, ["ram"] = ram };
}

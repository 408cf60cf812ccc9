using FuncCloud.Durable.Compute.Scheduling;
using FuncCloud.Durable.Compute.Scheduling.Filters;
using FuncCloud.Durable.Compute.Scheduling.Weighers;
using FuncCloud.Shared.Compute.Placement;
using Microsoft.Extensions.Options;
using Shouldly;
using Xunit;
using static FuncCloud.Durable.Tests.Compute.Scheduling.Hosts;

namespace FuncCloud.Durable.Tests.Compute.Scheduling;

/// <summary>The filter pipeline in its deployed order, the weighers, and the NoValidHost fault it composes.</summary>
public sealed class FilterSchedulerTests
{
    private static FilterScheduler Scheduler(SchedulerOptions? options = null)
    {
        var o = Options.Create(options ?? new SchedulerOptions());
        return new FilterScheduler(
            [new ComputeFilter(), new AvailabilityZoneFilter(), new ImagePropertiesFilter(), new AggregateInstanceExtraSpecsFilter(),
             new SameHostFilter(), new DifferentHostFilter(), new ServerGroupAffinityFilter(), new ServerGroupAntiAffinityFilter(),
             new RamFilter(), new CoreFilter(), new DiskFilter()],
            [new RamWeigher(o), new CpuWeigher(o), new DiskWeigher(o)]);
    }

    [Fact]
    public void Select_RamWeigherOnly_MostFreeRamFirst()
    {
        var options = new SchedulerOptions { CpuWeightMultiplier = 0, DiskWeightMultiplier = 0 };
        var hosts = new[]
        {
            Host("a", memoryMb: 8192, used: new ResourceAmounts(0, 6000, 0)),
            Host("b", memoryMb: 8192),
            Host("c", memoryMb: 8192, used: new ResourceAmounts(0, 3000, 0)),
        };

        Scheduler(options).Select(hosts, Spec()).Candidates.Select(h => h.Name).ShouldBe(["b", "c", "a"]);
    }

    [Fact]
    public void Select_NegativeRamMultiplier_StacksOntoTheFullestHost()
    {
        var options = new SchedulerOptions { RamWeightMultiplier = -1, CpuWeightMultiplier = 0, DiskWeightMultiplier = 0 };
        var hosts = new[] { Host("a", memoryMb: 8192, used: new ResourceAmounts(0, 6000, 0)), Host("b", memoryMb: 8192), Host("c", memoryMb: 8192, used: new ResourceAmounts(0, 3000, 0)) };

        Scheduler(options).Select(hosts, Spec()).Candidates.Select(h => h.Name).ShouldBe(["a", "c", "b"]);
    }

    [Fact]
    public void Select_EqualWeights_NameOrderKeepsItDeterministic() =>
        Scheduler().Select([Host("b"), Host("a"), Host("c")], Spec()).Candidates.Select(h => h.Name).ShouldBe(["a", "b", "c"]);

    [Fact]
    public void Select_RamEmptiesTheList_FaultNamesRamFilterWithNeedAndBestHost()
    {
        // Both nodes pass ComputeFilter; RamFilter leaves none: (2048 - 512) × 1.5 = 2304 MB, 2000 used → 304 free at best.
        var hosts = new[] { Host("a", memoryMb: 2048, used: new ResourceAmounts(1, 2000, 1)), Host("b", memoryMb: 2048, used: new ResourceAmounts(1, 2300, 1)) };

        var result = Scheduler().Select(hosts, Spec(memoryMb: 512));

        result.Candidates.ShouldBeEmpty();
        result.NoValidHostReason.ShouldBe("No valid host was found. 0 hosts left after RamFilter: needs 512 MB, best host has 304 MB free.");
    }

    [Fact]
    public void Select_EarlierFilterEmptiesTheList_FaultNamesThatFilterWithEachHostsReason()
    {
        var hosts = new[] { Host(Node("a"), up: false), Host(Node("b") with { Enabled = false }) };

        Scheduler().Select(hosts, Spec()).NoValidHostReason
            .ShouldBe("No valid host was found. 0 hosts left after ComputeFilter: a is down (last heartbeat 300 s ago); b is disabled.");
    }

    [Fact]
    public void Select_ManyHostsRejectedAlike_FaultListsThreeReasonsAndCountsTheRest()
    {
        var hosts = Enumerable.Range(1, 5).Select(i => Host(Node($"n{i}", zone: $"z{i}"))).ToArray();

        Scheduler().Select(hosts, Spec(zone: "az9")).NoValidHostReason.ShouldBe(
            "No valid host was found. 0 hosts left after AvailabilityZoneFilter: n1 is in zone z1, not az9; n2 is in zone z2, not az9; n3 is in zone z3, not az9 (and 2 more hosts).");
    }

    [Fact]
    public void Select_FiltersInSequence_OnlyTheSurvivorsOfEachReachTheNext()
    {
        // "down" would pass RamFilter, "tiny" would pass ComputeFilter: only "ok" passes both.
        var hosts = new[] { Host(Node("down"), up: false), Host("tiny", memoryMb: 600), Host("ok") };

        Scheduler().Select(hosts, Spec(memoryMb: 1024)).Candidates.Select(h => h.Name).ShouldBe(["ok"]);
    }

    [Fact]
    public void Select_NoNodes_SaysNoneRegistered() =>
        Scheduler().Select([], Spec()).NoValidHostReason.ShouldBe("No valid host was found. 0 hosts available: no compute node has registered.");
}

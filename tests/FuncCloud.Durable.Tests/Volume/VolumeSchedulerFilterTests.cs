using FuncCloud.Durable.Volume.Scheduling;
using FuncCloud.Shared.Volume.Pools;
using Shouldly;
using Xunit;

namespace FuncCloud.Durable.Tests.Volume;

/// <summary>The volume filters in order, and the reason naming the filter that left no pool.</summary>
public sealed class VolumeSchedulerFilterTests
{
    private static StoragePoolRecord Pool(string name, string zone, string backend, int total, int claimed = 0, double ratio = 1.0, bool thin = false, int reserved = 0) =>
        new(name, name.Split('#')[0], backend, zone, "fake", total, reserved, ratio, thin,
            claimed == 0 ? new Dictionary<string, int>() : new Dictionary<string, int> { ["other"] = claimed }, DateTimeOffset.UtcNow);

    [Fact]
    public void Filter_NoPoolInZone_NamesAvailabilityZoneFilter()
    {
        var (passed, reason) = VolumeScheduler.Filter([Pool("a@fake#p", "nova", "fake", 10)], new VolumeRequestSpec(1, "az2", null, null));
        passed.ShouldBeEmpty();
        reason.ShouldBe("AvailabilityZoneFilter: no pool in availability zone 'az2'");
    }

    [Fact]
    public void Filter_BackendNameMismatch_NamesCapabilitiesFilter()
    {
        var (_, reason) = VolumeScheduler.Filter([Pool("a@fake#p", "nova", "fake", 10)], new VolumeRequestSpec(1, "nova", "gold", null));
        reason.ShouldBe("CapabilitiesFilter: no pool with volume_backend_name 'gold'");
    }

    [Fact]
    public void Filter_Full_NamesCapacityFilterWithBestFree()
    {
        var (_, reason) = VolumeScheduler.Filter([Pool("a@fake#p", "nova", "fake", 10, claimed: 9), Pool("b@fake#p", "nova", "fake", 10, claimed: 10)], new VolumeRequestSpec(2, "nova", null, null));
        reason.ShouldBe("CapacityFilter: needs 2 GB, best pool has 1 GB free");
    }

    [Fact]
    public void Filter_ThinWithRatioAndReserve_UsesCinderCapacityMath()
    {
        var pool = Pool("a@fake#p", "nova", "fake", 10, claimed: 15, ratio: 2.0, thin: true, reserved: 10);
        pool.AllocatableGb.ShouldBe(18); // 10 GB × 90 % × 2.0
        pool.FreeGb.ShouldBe(3);
        VolumeScheduler.Filter([pool], new VolumeRequestSpec(3, "nova", null, null)).Passed.Count.ShouldBe(1);
    }

    [Fact]
    public void Filter_CloneStaysOnTheSourcePool()
    {
        var (passed, _) = VolumeScheduler.Filter([Pool("a@fake#p", "nova", "fake", 10), Pool("b@fake#p", "nova", "fake", 100)], new VolumeRequestSpec(1, "nova", null, "a@fake#p"));
        passed.Select(p => p.Name).ShouldBe(["a@fake#p"]);
    }
}

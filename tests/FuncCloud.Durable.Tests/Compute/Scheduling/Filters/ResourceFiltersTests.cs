using FuncCloud.Durable.Compute.Scheduling.Filters;
using FuncCloud.Shared.Compute.Placement;
using Shouldly;
using Xunit;
using static FuncCloud.Durable.Tests.Compute.Scheduling.Hosts;

namespace FuncCloud.Durable.Tests.Compute.Scheduling.Filters;

/// <summary>RAM, cores and disk after allocation ratios and reservations: (total - reserved) × ratio - used.</summary>
public sealed class ResourceFiltersTests
{
    [Fact]
    public void RamFilter_RatioAndReserved_AdmitExactlyTheFreeMemory()
    {
        // (4096 - 512) × 1.5 = 5376 MB allocatable; 4864 used leaves 512.
        var host = Host(Node("n1", memoryMb: 4096), used: new ResourceAmounts(1, 4864, 1));

        new RamFilter().Reject(host, Spec(memoryMb: 512)).ShouldBeNull();
        new RamFilter().Reject(host, Spec(memoryMb: 513)).ShouldBe("n1 has 512 MB free");
    }

    [Fact]
    public void RamFilter_NoOvercommitAndNothingReserved_TotalIsTheLimit()
    {
        var strict = new PlacementOptions { RamAllocationRatio = 1.0, ReservedHostMemoryMb = 0 };

        new RamFilter().Reject(Host(Node("n1", memoryMb: 2048), placement: strict), Spec(memoryMb: 2048)).ShouldBeNull();
        new RamFilter().Reject(Host(Node("n1", memoryMb: 2048), placement: strict), Spec(memoryMb: 2049)).ShouldBe("n1 has 2048 MB free");
    }

    [Fact]
    public void CoreFilter_SixteenfoldOvercommit_AdmitsUpToTheRatio()
    {
        // 2 cores × 16 = 32 VCPU; 30 used leaves 2.
        var host = Host(Node("n1", vcpus: 2), used: new ResourceAmounts(30, 0, 0));

        new CoreFilter().Reject(host, Spec(vcpus: 2)).ShouldBeNull();
        new CoreFilter().Reject(host, Spec(vcpus: 3)).ShouldBe("n1 has 2 VCPU free");
    }

    [Fact]
    public void CoreFilter_ReservedCores_AreNotAllocatable()
    {
        var reserved = new PlacementOptions { ReservedHostCpus = 1, CpuAllocationRatio = 1.0 };

        new CoreFilter().Reject(Host(Node("n1", vcpus: 4), placement: reserved), Spec(vcpus: 3)).ShouldBeNull();
        new CoreFilter().Reject(Host(Node("n1", vcpus: 4), placement: reserved), Spec(vcpus: 4)).ShouldBe("n1 has 3 VCPU free");
    }

    [Fact]
    public void DiskFilter_ReservedDisk_LeavesTheRest()
    {
        var reserved = new PlacementOptions { ReservedHostDiskGb = 10 };
        var host = Host(Node("n1", diskGb: 50), used: new ResourceAmounts(0, 0, 20), placement: reserved);

        new DiskFilter().Reject(host, Spec(diskGb: 20)).ShouldBeNull();
        new DiskFilter().Reject(host, Spec(diskGb: 21)).ShouldBe("n1 has 20 GB disk free");
    }

    [Fact]
    public void Summarize_SeveralHostsShort_NamesTheNeedAndTheBestHost()
    {
        var spec = Spec(vcpus: 4, memoryMb: 4096, diskGb: 80);
        var small = Host("small", vcpus: 1, memoryMb: 1024, diskGb: 10);
        var medium = Host("medium", vcpus: 2, memoryMb: 2048, diskGb: 40);

        new RamFilter().Summarize([(small, "x"), (medium, "y")], spec).ShouldBe("needs 4096 MB, best host has 2304 MB free");
        new CoreFilter().Summarize([(small, "x"), (medium, "y")], spec).ShouldBe("needs 4 VCPU, best host has 32 free");
        new DiskFilter().Summarize([(small, "x"), (medium, "y")], spec).ShouldBe("needs 80 GB disk, best host has 40 GB free");
    }
}

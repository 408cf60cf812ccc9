using FuncCloud.Durable.Compute.Scheduling.Filters;
using Shouldly;
using Xunit;
using static FuncCloud.Durable.Tests.Compute.Scheduling.Hosts;

namespace FuncCloud.Durable.Tests.Compute.Scheduling.Filters;

/// <summary>ComputeFilter, AvailabilityZoneFilter and ImagePropertiesFilter: who passes, and the words of a rejection.</summary>
public sealed class HostFilterTests
{
    [Fact]
    public void ComputeFilter_EnabledAndUp_Passes() =>
        new ComputeFilter().Reject(Host("n1"), Spec()).ShouldBeNull();

    [Fact]
    public void ComputeFilter_Disabled_RejectedWithTheReason() =>
        new ComputeFilter().Reject(Host(Node("n1") with { Enabled = false, DisabledReason = "maintenance" }), Spec()).ShouldBe("n1 is disabled (maintenance)");

    [Fact]
    public void ComputeFilter_HeartbeatStale_RejectedAsDown() =>
        new ComputeFilter().Reject(Host(Node("n1"), up: false), Spec()).ShouldBe("n1 is down (last heartbeat 300 s ago)");

    [Fact]
    public void ComputeFilter_ForcedDown_Rejected() =>
        new ComputeFilter().Reject(Host(Node("n1") with { ForcedDown = true }), Spec()).ShouldBe("n1 is forced down");

    [Fact]
    public void AvailabilityZoneFilter_NoZoneRequested_EveryHostPasses() =>
        new AvailabilityZoneFilter().Reject(Host(Node("n1", zone: "az2")), Spec()).ShouldBeNull();

    [Fact]
    public void AvailabilityZoneFilter_NodeInTheZone_Passes() =>
        new AvailabilityZoneFilter().Reject(Host(Node("n1", zone: "az1")), Spec(zone: "az1")).ShouldBeNull();

    [Fact]
    public void AvailabilityZoneFilter_OtherZone_RejectedNamingBoth() =>
        new AvailabilityZoneFilter().Reject(Host(Node("n1", zone: "az2")), Spec(zone: "az1")).ShouldBe("n1 is in zone az2, not az1");

    [Fact]
    public void AvailabilityZoneFilter_AggregateZone_WinsOverTheAgentsZone()
    {
        var aggregates = new Dictionary<string, IReadOnlySet<string>> { [AvailabilityZoneFilter.AggregateKey] = new HashSet<string> { "az1" } };

        new AvailabilityZoneFilter().Reject(Host(Node("n1", zone: "nova"), aggregates: aggregates), Spec(zone: "az1")).ShouldBeNull();
        new AvailabilityZoneFilter().Reject(Host(Node("n1", zone: "nova"), aggregates: aggregates), Spec(zone: "nova")).ShouldBe("n1 is in zone az1, not nova");
    }

    [Fact]
    public void ImagePropertiesFilter_MatchingArchitectureAlias_Passes() =>
        new ImagePropertiesFilter().Reject(Host("n1"), Spec(image: new Dictionary<string, string> { ["hw_architecture"] = "amd64" })).ShouldBeNull();

    [Fact]
    public void ImagePropertiesFilter_OtherArchitecture_Rejected() =>
        new ImagePropertiesFilter().Reject(Host("n1"), Spec(image: new Dictionary<string, string> { ["hw_architecture"] = "aarch64" }))
            .ShouldBe("n1 runs x86_64 guests, the image needs aarch64");

    [Fact]
    public void ImagePropertiesFilter_OtherHypervisorType_Rejected() =>
        new ImagePropertiesFilter().Reject(Host("n1"), Spec(image: new Dictionary<string, string> { ["img_hv_type"] = "kvm" }))
            .ShouldBe("n1 hypervisor fake is not kvm");

    [Fact]
    public void ImagePropertiesFilter_LibvirtHostAndQemuImage_Passes() =>
        new ImagePropertiesFilter().Reject(Host(Node("n1") with { Driver = "libvirt" }), Spec(image: new Dictionary<string, string> { ["img_hv_type"] = "qemu", ["hw_vm_mode"] = "hvm" }))
            .ShouldBeNull();

    [Fact]
    public void ImagePropertiesFilter_XenVmMode_Rejected() =>
        new ImagePropertiesFilter().Reject(Host("n1"), Spec(image: new Dictionary<string, string> { ["hw_vm_mode"] = "xen" }))
            .ShouldBe("n1 runs hvm guests, the image needs xen");
}

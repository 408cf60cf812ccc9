using FuncCloud.Durable.Compute.Scheduling.Filters;
using FuncCloud.Shared.Compute.Servers;
using Shouldly;
using Xunit;
using static FuncCloud.Durable.Tests.Compute.Scheduling.Hosts;

namespace FuncCloud.Durable.Tests.Compute.Scheduling.Filters;

/// <summary>Server-group affinity/anti-affinity and the same_host/different_host hints.</summary>
public sealed class PlacementHintFiltersTests
{
    private static readonly ServerSchedulerHints Affinity = new([], [], "g1", "affinity");
    private static readonly ServerSchedulerHints AntiAffinity = new([], [], "g1", "anti-affinity");

    [Fact]
    public void ServerGroupAffinityFilter_FirstMember_AnyHostPasses() =>
        new ServerGroupAffinityFilter().Reject(Host("n1"), Spec(hints: Affinity)).ShouldBeNull();

    [Fact]
    public void ServerGroupAffinityFilter_MembersElsewhere_RejectedNamingTheirHosts()
    {
        new ServerGroupAffinityFilter().Reject(Host("n2"), Spec(hints: Affinity, groupHosts: ["n2"])).ShouldBeNull();
        new ServerGroupAffinityFilter().Reject(Host("n1"), Spec(hints: Affinity, groupHosts: ["n2", "n2"]))
            .ShouldBe("n1 holds no member of affinity group g1 (members on n2)");
    }

    [Fact]
    public void ServerGroupAntiAffinityFilter_HostWithAMember_Rejected()
    {
        new ServerGroupAntiAffinityFilter().Reject(Host("n1"), Spec(hints: AntiAffinity, groupHosts: ["n2"])).ShouldBeNull();
        new ServerGroupAntiAffinityFilter().Reject(Host("n2"), Spec(hints: AntiAffinity, groupHosts: ["n2"]))
            .ShouldBe("n2 already holds a member of anti-affinity group g1");
    }

    [Fact]
    public void ServerGroupFilters_OtherPolicy_DoNotApply()
    {
        new ServerGroupAffinityFilter().Reject(Host("n1"), Spec(hints: AntiAffinity, groupHosts: ["n2"])).ShouldBeNull();
        new ServerGroupAntiAffinityFilter().Reject(Host("n2"), Spec(hints: Affinity, groupHosts: ["n2"])).ShouldBeNull();
    }

    [Fact]
    public void SameHostFilter_HostRunningAListedServer_PassesOthersRejected()
    {
        var hints = new ServerSchedulerHints(["s1", "s2"], [], null, null);

        new SameHostFilter().Reject(Host(Node("n1"), servers: ["s2"]), Spec(hints: hints)).ShouldBeNull();
        new SameHostFilter().Reject(Host(Node("n2"), servers: ["s3"]), Spec(hints: hints)).ShouldBe("n2 runs none of s1,s2");
        new SameHostFilter().Reject(Host(Node("n2"), servers: ["s3"]), Spec()).ShouldBeNull();
    }

    [Fact]
    public void DifferentHostFilter_HostRunningAListedServer_RejectedNamingIt()
    {
        var hints = new ServerSchedulerHints([], ["s1", "s2"], null, null);

        new DifferentHostFilter().Reject(Host(Node("n1"), servers: ["s3"]), Spec(hints: hints)).ShouldBeNull();
        new DifferentHostFilter().Reject(Host(Node("n2"), servers: ["s2"]), Spec(hints: hints)).ShouldBe("n2 runs s2");
    }
}

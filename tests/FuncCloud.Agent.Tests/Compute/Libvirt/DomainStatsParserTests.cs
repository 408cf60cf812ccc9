using FuncCloud.Agent.Compute;
using FuncCloud.Agent.Compute.Libvirt;
using FuncCloud.Shared.Compute;
using Shouldly;
using Xunit;

namespace FuncCloud.Agent.Tests.Compute.Libvirt;

/// <summary><c>virsh domstats</c> output (libvirt 9's layout, every domain in one call) into per-device counters.</summary>
public sealed class DomainStatsParserTests
{
    // The layout of `virsh domstats` on libvirt 9.0 (a running TCG guest with one disk and one tap, then a stopped one).
    private const string Output = """
        Domain: 'funccloud-1b0c5a7e-7a39-4a5e-9d2b-0c1f3e5d7a11'
          state.state=1
          state.reason=1
          cpu.time=8123456789
          cpu.user=5010000000
          cpu.system=2100000000
          balloon.current=524288
          balloon.maximum=524288
          balloon.swap_in=0
          balloon.swap_out=0
          balloon.available=503400
          balloon.unused=402100
          balloon.rss=231000
          vcpu.current=1
          vcpu.maximum=1
          vcpu.0.state=1
          vcpu.0.time=7650000000
          net.count=1
          net.0.name=tap1b0c5a7e-7a
          net.0.rx.bytes=12345
          net.0.rx.pkts=120
          net.0.rx.errs=0
          net.0.rx.drop=0
          net.0.tx.bytes=6789
          net.0.tx.pkts=60
          net.0.tx.errs=0
          net.0.tx.drop=0
          block.count=1
          block.0.name=vda
          block.0.path=/var/lib/funccloud/instances/1b0c5a7e/disk
          block.0.backingIndex=1
          block.0.rd.reqs=310
          block.0.rd.bytes=5263360
          block.0.rd.times=120000000
          block.0.wr.reqs=12
          block.0.wr.bytes=49152
          block.0.wr.times=3000000
          block.0.fl.reqs=3
          block.0.fl.times=100000
          block.0.allocation=1048576
          block.0.capacity=1073741824
          block.0.physical=1245184

        Domain: 'funccloud-stopped'
          state.state=5
          state.reason=2

        """;

    [Fact]
    public void ParseAll_TwoDomains_KeysPerDomain()
    {
        var all = DomainStatsParser.ParseAll(Output);

        all.Keys.ShouldBe(["funccloud-1b0c5a7e-7a39-4a5e-9d2b-0c1f3e5d7a11", "funccloud-stopped"]);
        all["funccloud-stopped"]["state.state"].ShouldBe("5");
    }

    [Fact]
    public void ToCounters_RunningDomain_PerDiskAndPerPortCountersAndBalloonUsage()
    {
        var stats = DomainStatsParser.ParseAll(Output)["funccloud-1b0c5a7e-7a39-4a5e-9d2b-0c1f3e5d7a11"];

        var counters = DomainStatsParser.ToCounters("s1", stats, flavorVcpus: 4, flavorMemoryMb: 4096);

        counters.PowerState.ShouldBe(PowerState.Running);
        counters.CpuTimeNs.ShouldBe(8123456789);
        counters.Vcpus.ShouldBe(1);
        counters.MemoryMb.ShouldBe(512);
        counters.MemoryUsageMb.ShouldBe((503400 - 402100) / 1024);
        counters.Disks.ShouldBe([new DiskCounters("vda", 5263360, 49152, 310, 12)]);
        counters.Interfaces.ShouldBe([new InterfaceCounters("tap1b0c5a7e-7a", null, 12345, 6789, 120, 60)]);
    }

    [Fact]
    public void ToCounters_StoppedDomain_FlavorSizesNoDevices()
    {
        var counters = DomainStatsParser.ToCounters("s2", DomainStatsParser.ParseAll(Output)["funccloud-stopped"], 2, 1024);

        (counters.PowerState, counters.CpuTimeNs, counters.Vcpus, counters.MemoryMb).ShouldBe((PowerState.Shutdown, 0L, 2, 1024));
        counters.Disks.ShouldBeEmpty();
        counters.Interfaces.ShouldBeEmpty();
        counters.MemoryUsageMb.ShouldBeNull();
    }
}

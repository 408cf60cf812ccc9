using FuncCloud.Agent.Compute;
using FuncCloud.Agent.Compute.Fake;
using FuncCloud.Shared.Compute;
using Shouldly;
using Xunit;

namespace FuncCloud.Agent.Tests.Compute.Fake;

/// <summary>The Fake driver's scriptable telemetry: counters advance at the guest's load, in its clock's time.</summary>
public sealed class FakeComputeDriverStatsTests
{
    private static CancellationToken None => CancellationToken.None;

    [Fact]
    public async Task GetStatsAsync_CpuUtilizationSetAtRunTime_CpuTimeAdvancesAtThatRate()
    {
        var clock = new ManualClock();
        var driver = new FakeComputeDriver(new FakeDriverOptions { Vcpus = 8, Load = new FakeLoad { CpuPercent = 10 } }, time: clock);
        var spec = TestInstances.New("a", TestInstances.Small) with { Ports = [new NetworkPortSpec("0123456789abcdef", "net", "fa:16:3e:00:00:01", [])] };
        await driver.SpawnAsync(spec, None);

        (await driver.GetStatsAsync(None)).Instances.Single().CpuTimeNs.ShouldBe(0);
        clock.Advance(TimeSpan.FromSeconds(10));
        driver.SetCpuUtilization("a", 90); // the 10 s before ran at 10% of 2 vCPUs
        clock.Advance(TimeSpan.FromSeconds(10));
        var stats = await driver.GetStatsAsync(None);

        var instance = stats.Instances.Single();
        ((double)instance.CpuTimeNs).ShouldBe(0.1 * 2 * 10 * 1e9 + 0.9 * 2 * 10 * 1e9, 1);
        instance.Vcpus.ShouldBe(2);
        instance.MemoryMb.ShouldBe(2048);
        instance.MemoryUsageMb.ShouldBe((long)Math.Round(2048 * 0.4));
        instance.Disks.Single().ShouldBe(new DiskCounters("vda", 4096 * 20, 8192 * 20, 20, 40));
        var nic = instance.Interfaces.Single();
        nic.Name.ShouldBe("tap0123456789a");
        nic.IncomingBytes.ShouldBe(2000 * 20);
        nic.OutgoingPackets.ShouldBe(20);
        stats.CpuUtilPercent.ShouldBe(0.9 * 2 / 8 * 100, 0.001);
        stats.Resources.VcpusUsed.ShouldBe(2);
    }

    [Fact]
    public async Task GetStatsAsync_StoppedGuest_CountersStandStill()
    {
        var clock = new ManualClock();
        var driver = new FakeComputeDriver(new FakeDriverOptions(), time: clock);
        await driver.SpawnAsync(TestInstances.New("a"), None);
        driver.SetCpuUtilization("a", 50);
        clock.Advance(TimeSpan.FromSeconds(4));
        await driver.PowerOffAsync("a", TimeSpan.Zero, None);
        var before = (await driver.GetStatsAsync(None)).Instances.Single();

        clock.Advance(TimeSpan.FromMinutes(5));
        var after = (await driver.GetStatsAsync(None)).Instances.Single();

        after.PowerState.ShouldBe(PowerState.Shutdown);
        after.CpuTimeNs.ShouldBe(before.CpuTimeNs);
        after.MemoryUsageMb.ShouldBe(0);
    }

    [Fact]
    public void SetLoad_UnknownServer_Throws() =>
        Should.Throw<InstanceNotFoundException>(() => new FakeComputeDriver(new FakeDriverOptions()).SetLoad("nope", new FakeLoad()));

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);

        public void Advance(TimeSpan by) => _now += by;

        public override DateTimeOffset GetUtcNow() => _now;
    }
}

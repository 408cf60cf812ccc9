using FuncCloud.Agent.Compute;
using FuncCloud.Agent.Telemetry;
using FuncCloud.Shared.Compute;
using FuncCloud.Shared.Telemetry.Samples;
using Shouldly;
using Xunit;

namespace FuncCloud.Agent.Tests.Telemetry;

/// <summary>Driver readings become ceilometer's meters with their units, resource types and ids.</summary>
public sealed class SampleBuilderTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Build_RunningInstance_CeilometerMetersPerInstanceDiskPortAndNode()
    {
        var stats = new HostStats(At, new HostResources(8, 2, 16384, 2048, 100, 20), 12.5, 4096,
        [
            new InstanceCounters("s1", PowerState.Running, 5_000_000_000, 2, 2048, 800,
                [new DiskCounters("vda", 100, 200, 3, 4)], [new InterfaceCounters("tap0123456789a", "p", 10, 20, 1, 2)]),
        ]);

        var samples = SampleBuilder.Build("node-a", stats);

        var cpu = samples.Single(s => s.Name == Meters.Cpu);
        cpu.ShouldBe(new Sample("cpu", "ns", "cumulative", 5e9, At, "s1", "instance", InstanceId: "s1"));
        samples.Single(s => s.Name == Meters.MemoryUsage).Volume.ShouldBe(800);
        samples.Single(s => s.Name == Meters.Vcpus).Type.ShouldBe("gauge");
        var read = samples.Single(s => s.Name == Meters.DiskReadBytes);
        (read.ResourceId, read.ResourceType, read.Unit, read.Volume).ShouldBe(("s1-vda", "instance_disk", "B", 100.0));
        read.Attributes!["instance_id"].ShouldBe("s1");
        samples.Single(s => s.Name == Meters.DiskWriteRequests).Unit.ShouldBe("request");
        var packets = samples.Single(s => s.Name == Meters.NetworkOutgoingPackets);
        (packets.ResourceId, packets.ResourceType, packets.Unit, packets.Volume).ShouldBe(("s1-tap0123456789a", "instance_network_interface", "packet", 2.0));
        var host = samples.Single(s => s.Name == Meters.HostCpuUtil);
        (host.ResourceId, host.ResourceType, host.Unit, host.Volume, host.InstanceId).ShouldBe(("node-a", "host", "%", 12.5, (string?)null));
        samples.Single(s => s.Name == Meters.HostMemoryUsed).Volume.ShouldBe(4096 * 1024);
        samples.Count.ShouldBe(4 + 4 + 4 + 5);
    }

    [Fact]
    public void Build_StoppedInstance_OnlyItsAllocation()
    {
        var stats = new HostStats(At, new HostResources(8, 1, 16384, 512, 100, 1), 0, 0,
            [new InstanceCounters("s1", PowerState.Shutdown, 7, 1, 512, null, [new DiskCounters("vda", 1, 1, 1, 1)], [])]);

        SampleBuilder.Build("node-a", stats).Where(s => s.InstanceId == "s1").Select(s => s.Name).ShouldBe([Meters.Vcpus, Meters.Memory], ignoreOrder: true);
    }
}

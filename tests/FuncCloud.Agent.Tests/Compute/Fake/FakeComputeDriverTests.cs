using System.Diagnostics;
using FuncCloud.Agent.Compute;
using FuncCloud.Agent.Compute.Fake;
using FuncCloud.Shared.Compute;
using Shouldly;
using Xunit;

namespace FuncCloud.Agent.Tests.Compute.Fake;

/// <summary>What only the Fake driver does: failure injection, latency, capacity enforcement, test hooks.</summary>
public sealed class FakeComputeDriverTests
{
    private static CancellationToken None => CancellationToken.None;

    [Fact]
    public async Task SpawnAsync_FailOnCallsConfigured_FailsExactlyThatCall()
    {
        var options = new FakeDriverOptions();
        options.Operations["Spawn"] = new FakeOperationOptions { FailOnCalls = [2] };
        var driver = new FakeComputeDriver(options);

        await driver.SpawnAsync(TestInstances.New("a"), None);
        var error = await Should.ThrowAsync<FakeInjectedFailureException>(() => driver.SpawnAsync(TestInstances.New("b"), None));
        await driver.SpawnAsync(TestInstances.New("c"), None);

        error.CallNumber.ShouldBe(2);
        error.Message.ShouldContain("Spawn");
        (await driver.ListInstancesAsync(None)).ShouldBe(["a", "c"], ignoreOrder: true);
        driver.CallCount(FakeOperation.Spawn).ShouldBe(3);
    }

    [Fact]
    public async Task PowerOffAsync_FailureProbabilityOne_AlwaysFails()
    {
        var options = new FakeDriverOptions();
        options.Operations["powerOff"] = new FakeOperationOptions { FailureProbability = 1.0 };
        var driver = new FakeComputeDriver(options);
        await driver.SpawnAsync(TestInstances.New("a"), None);

        for (var i = 0; i < 3; i++)
        {
            await Should.ThrowAsync<FakeInjectedFailureException>(() => driver.PowerOffAsync("a", TimeSpan.Zero, None));
        }

        (await driver.GetInstanceInfoAsync("a", None)).PowerState.ShouldBe(PowerState.Running);
    }

    [Fact]
    public async Task SpawnAsync_OperationLatency_TakesAtLeastThatLong()
    {
        var options = new FakeDriverOptions();
        options.Operations["Spawn"] = new FakeOperationOptions { Latency = TimeSpan.FromMilliseconds(200) };
        var driver = new FakeComputeDriver(options);

        var clock = Stopwatch.StartNew();
        await driver.SpawnAsync(TestInstances.New(), None);

        clock.Elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(190));
    }

    [Fact]
    public async Task SpawnAsync_CancelledDuringLatency_CleansUp()
    {
        var driver = new FakeComputeDriver(new FakeDriverOptions { Latency = TimeSpan.FromSeconds(10) });
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Should.ThrowAsync<OperationCanceledException>(() => driver.SpawnAsync(TestInstances.New("a"), cancel.Token));

        (await driver.ListInstancesAsync(None)).ShouldBeEmpty();
    }

    [Fact]
    public async Task SpawnAsync_BeyondCapacity_ThrowsInsufficientResources()
    {
        var driver = new FakeComputeDriver(new FakeDriverOptions { Vcpus = 3, MemoryMb = 8192, DiskGb = 100, EnforceCapacity = true });
        await driver.SpawnAsync(TestInstances.New("a", TestInstances.Small), None);

        var error = await Should.ThrowAsync<InsufficientResourcesException>(() => driver.SpawnAsync(TestInstances.New("b", TestInstances.Small), None));

        error.Message.ShouldContain(HostResources.Vcpu);
        (await driver.ListInstancesAsync(None)).ShouldBe(["a"]);
    }

    [Fact]
    public async Task SpawnAsync_BeyondPhysicalSizeByDefault_TrustsPlacement()
    {
        // Placement over-commits RAM 1.5×; the driver must not refuse what placement granted (nova's fake).
        var driver = new FakeComputeDriver(new FakeDriverOptions { Vcpus = 3, MemoryMb = 8192, DiskGb = 100 });
        await driver.SpawnAsync(TestInstances.New("a", TestInstances.Small), None);

        await driver.SpawnAsync(TestInstances.New("b", TestInstances.Small), None);

        (await driver.ListInstancesAsync(None)).Order().ShouldBe(["a", "b"]);
        (await driver.GetAvailableResourcesAsync(None)).VcpusUsed.ShouldBeGreaterThan(3);
    }

    [Fact]
    public async Task AttachInterfaceAsync_ThenDetach_ListedThenGone_AndDetachOfUnknownSucceeds()
    {
        var driver = new FakeComputeDriver(new FakeDriverOptions());
        await driver.SpawnAsync(TestInstances.New("a"), None);
        var port = new NetworkPortSpec("port-1", "net-1", "fa:16:3e:00:00:09", ["10.0.0.9"], "brqnet-1", 1450);

        await driver.AttachInterfaceAsync("a", port, None);
        await driver.AttachInterfaceAsync("a", port, None); // redelivered

        driver.Interfaces("a").Count(p => p.PortId == "port-1").ShouldBe(1);
        await driver.DetachInterfaceAsync("a", port, None);
        driver.Interfaces("a").ShouldNotContain(p => p.PortId == "port-1");
        await driver.DetachInterfaceAsync("a", port, None);
        await driver.DetachInterfaceAsync("missing", port, None);
        await Should.ThrowAsync<InstanceNotFoundException>(() => driver.AttachInterfaceAsync("missing", port, None));
    }

    [Fact]
    public async Task NewDriver_SameStateFile_FindsInstancesWithTheirStateAfterRestart()
    {
        var folder = Directory.CreateTempSubdirectory("funccloud-fake-state-").FullName;
        try
        {
            var file = Path.Combine(folder, "node", "fake-instances.json");
            var before = new FakeComputeDriver(new FakeDriverOptions(), file);
            await before.SpawnAsync(TestInstances.New("a"), None);
            await before.SpawnAsync(TestInstances.New("b"), None);
            await before.PowerOffAsync("b", TimeSpan.Zero, None);
            await before.SpawnAsync(TestInstances.New("c"), None);
            await before.DestroyAsync("c", None);

            var after = new FakeComputeDriver(new FakeDriverOptions(), file);

            (await after.ListInstancesAsync(None)).Order().ShouldBe(["a", "b"]);
            (await after.GetInstanceInfoAsync("a", None)).PowerState.ShouldBe(PowerState.Running);
            (await after.GetInstanceInfoAsync("b", None)).PowerState.ShouldBe(PowerState.Shutdown);
            (await after.GetConsoleOutputAsync("a", None)).ShouldContain("fake login");
            await after.RebootAsync("a", RebootType.Soft, None);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task SetPowerState_BehindTheAgentsBack_IsWhatInfoReports()
    {
        var driver = new FakeComputeDriver(new FakeDriverOptions());
        await driver.SpawnAsync(TestInstances.New("a"), None);

        driver.SetPowerState("a", PowerState.Crashed);

        (await driver.GetInstanceInfoAsync("a", None)).PowerState.ShouldBe(PowerState.Crashed);
    }

    [Fact]
    public async Task ManyDrivers_SpawnInParallel_StayIndependent()
    {
        var drivers = Enumerable.Range(0, 200).Select(_ => new FakeComputeDriver(new FakeDriverOptions())).ToList();

        await Task.WhenAll(drivers.Select((d, i) => d.SpawnAsync(TestInstances.New($"s{i}"), None)));

        for (var i = 0; i < drivers.Count; i++)
        {
            (await drivers[i].ListInstancesAsync(None)).ShouldBe([$"s{i}"]);
        }
    }

    [Fact]
    public async Task SnapshotAsync_CappedFlavorDisk_WritesTheDocumentedBytes()
    {
        var driver = new FakeComputeDriver(new FakeDriverOptions { SnapshotMaxBytes = 64 * 1024 });
        var spec = TestInstances.New("snap");
        await driver.SpawnAsync(spec, None);
        using var disk = new MemoryStream();

        await driver.SnapshotAsync("snap", disk, None);

        disk.ToArray().ShouldBe(FakeSnapshotContent.ToArray("snap", 64 * 1024));
        System.Text.Encoding.ASCII.GetString(disk.ToArray(), 0, 40).ShouldStartWith("FuncCloud fake snapshot of server snap");
    }

    [Fact]
    public async Task SnapshotAsync_FailNextCall_WritesPartOfTheDiskThenThrows()
    {
        var driver = new FakeComputeDriver(new FakeDriverOptions { SnapshotMaxBytes = 64 * 1024 });
        await driver.SpawnAsync(TestInstances.New("snap"), None);
        driver.FailNextCall(FakeOperation.Snapshot);
        using var disk = new MemoryStream();

        await Should.ThrowAsync<FakeInjectedFailureException>(() => driver.SnapshotAsync("snap", disk, None));

        disk.Length.ShouldBeLessThan(64 * 1024);
        (await driver.GetInstanceInfoAsync("snap", None)).PowerState.ShouldBe(PowerState.Running);
    }
}

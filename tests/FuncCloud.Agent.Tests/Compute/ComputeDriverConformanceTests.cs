using FuncCloud.Agent.Compute;
using FuncCloud.Shared.Compute;
using Shouldly;
using Xunit;

namespace FuncCloud.Agent.Tests.Compute;

/// <summary>
/// The contract of <see cref="IComputeDriver"/>, run against every driver: a subclass per driver supplies
/// the driver (Fake now, Libvirt later).
/// </summary>
public abstract class ComputeDriverConformanceTests
{
    /// <summary>A fresh driver on an empty host with room for at least a few <see cref="TestInstances.Small"/>.</summary>
    protected abstract Task<IComputeDriver> CreateDriverAsync();

    /// <summary>A driver whose next spawn fails after partial work (the cleanup path).</summary>
    protected abstract Task<IComputeDriver> CreateDriverWhoseNextSpawnFailsAsync();

    private static CancellationToken None => CancellationToken.None;

    [Fact]
    public async Task SpawnAsync_NewInstance_RunsAndIsListed()
    {
        var driver = await CreateDriverAsync();
        var spec = TestInstances.New();

        await driver.SpawnAsync(spec, None);

        (await driver.GetInstanceInfoAsync(spec.ServerId, None)).ShouldBe(new InstanceInfo(spec.ServerId, PowerState.Running, spec.Flavor));
        (await driver.ListInstancesAsync(None)).ShouldContain(spec.ServerId);
    }

    [Fact]
    public async Task SpawnAsync_ExistingServer_ThrowsInstanceExists()
    {
        var driver = await CreateDriverAsync();
        var spec = TestInstances.New();
        await driver.SpawnAsync(spec, None);

        await Should.ThrowAsync<InstanceExistsException>(() => driver.SpawnAsync(spec, None));
    }

    [Fact]
    public async Task SpawnAsync_Failure_LeavesNothingBehind()
    {
        var driver = await CreateDriverWhoseNextSpawnFailsAsync();
        var before = await driver.GetAvailableResourcesAsync(None);
        var spec = TestInstances.New(flavor: TestInstances.Small);

        var error = await Should.ThrowAsync<ComputeDriverException>(() => driver.SpawnAsync(spec, None));

        error.ServerId.ShouldBe(spec.ServerId);
        (await driver.ListInstancesAsync(None)).ShouldNotContain(spec.ServerId);
        await Should.ThrowAsync<InstanceNotFoundException>(() => driver.GetInstanceInfoAsync(spec.ServerId, None));
        (await driver.GetAvailableResourcesAsync(None)).ShouldBe(before);
    }

    [Fact]
    public async Task GetInstanceInfoAsync_Missing_ThrowsInstanceNotFound()
    {
        var driver = await CreateDriverAsync();

        var error = await Should.ThrowAsync<InstanceNotFoundException>(() => driver.GetInstanceInfoAsync("no-such-server", None));
        error.ServerId.ShouldBe("no-such-server");
    }

    [Fact]
    public async Task DestroyAsync_Existing_RemovesInstance()
    {
        var driver = await CreateDriverAsync();
        var spec = TestInstances.New();
        await driver.SpawnAsync(spec, None);

        await driver.DestroyAsync(spec.ServerId, None);

        (await driver.ListInstancesAsync(None)).ShouldNotContain(spec.ServerId);
    }

    [Fact]
    public async Task DestroyAsync_Missing_Succeeds()
    {
        var driver = await CreateDriverAsync();

        await driver.DestroyAsync("never-existed", None);
    }

    [Theory]
    [InlineData(RebootType.Soft)]
    [InlineData(RebootType.Hard)]
    public async Task RebootAsync_Running_EndsRunning(RebootType type)
    {
        var driver = await CreateDriverAsync();
        var spec = TestInstances.New();
        await driver.SpawnAsync(spec, None);

        await driver.RebootAsync(spec.ServerId, type, None);

        (await driver.GetInstanceInfoAsync(spec.ServerId, None)).PowerState.ShouldBe(PowerState.Running);
    }

    [Fact]
    public async Task RebootAsync_SoftWhileShutdown_FallsBackToHardAndRuns()
    {
        var driver = await CreateDriverAsync();
        var spec = TestInstances.New();
        await driver.SpawnAsync(spec, None);
        await driver.PowerOffAsync(spec.ServerId, TimeSpan.Zero, None);

        await driver.RebootAsync(spec.ServerId, RebootType.Soft, None);

        (await driver.GetInstanceInfoAsync(spec.ServerId, None)).PowerState.ShouldBe(PowerState.Running);
    }

    [Fact]
    public async Task PowerOffAsync_ThenPowerOn_ShutdownThenRunning()
    {
        var driver = await CreateDriverAsync();
        var spec = TestInstances.New();
        await driver.SpawnAsync(spec, None);

        await driver.PowerOffAsync(spec.ServerId, TimeSpan.FromSeconds(1), None);
        (await driver.GetInstanceInfoAsync(spec.ServerId, None)).PowerState.ShouldBe(PowerState.Shutdown);

        await driver.PowerOffAsync(spec.ServerId, TimeSpan.Zero, None); // already off: no error
        await driver.PowerOnAsync(spec.ServerId, None);
        (await driver.GetInstanceInfoAsync(spec.ServerId, None)).PowerState.ShouldBe(PowerState.Running);
    }

    [Fact]
    public async Task PowerOnAsync_Missing_ThrowsInstanceNotFound()
    {
        var driver = await CreateDriverAsync();

        await Should.ThrowAsync<InstanceNotFoundException>(() => driver.PowerOnAsync("missing", None));
    }

    [Fact]
    public async Task PauseAsync_ThenUnpause_PausedThenRunning()
    {
        var driver = await CreateDriverAsync();
        var spec = TestInstances.New();
        await driver.SpawnAsync(spec, None);

        await driver.PauseAsync(spec.ServerId, None);
        (await driver.GetInstanceInfoAsync(spec.ServerId, None)).PowerState.ShouldBe(PowerState.Paused);

        await driver.UnpauseAsync(spec.ServerId, None);
        (await driver.GetInstanceInfoAsync(spec.ServerId, None)).PowerState.ShouldBe(PowerState.Running);
    }

    [Fact]
    public async Task PauseAsync_Shutdown_ThrowsInvalidState()
    {
        var driver = await CreateDriverAsync();
        var spec = TestInstances.New();
        await driver.SpawnAsync(spec, None);
        await driver.PowerOffAsync(spec.ServerId, TimeSpan.Zero, None);

        var error = await Should.ThrowAsync<InstanceInvalidStateException>(() => driver.PauseAsync(spec.ServerId, None));
        error.Actual.ShouldBe(PowerState.Shutdown);
    }

    [Fact]
    public async Task SuspendAsync_ThenResume_SuspendedThenRunning()
    {
        var driver = await CreateDriverAsync();
        var spec = TestInstances.New();
        await driver.SpawnAsync(spec, None);

        await driver.SuspendAsync(spec.ServerId, None);
        (await driver.GetInstanceInfoAsync(spec.ServerId, None)).PowerState.ShouldBe(PowerState.Suspended);

        await driver.ResumeAsync(spec.ServerId, None);
        (await driver.GetInstanceInfoAsync(spec.ServerId, None)).PowerState.ShouldBe(PowerState.Running);
    }

    [Fact]
    public async Task ResumeAsync_Running_ThrowsInvalidState()
    {
        var driver = await CreateDriverAsync();
        var spec = TestInstances.New();
        await driver.SpawnAsync(spec, None);

        await Should.ThrowAsync<InstanceInvalidStateException>(() => driver.ResumeAsync(spec.ServerId, None));
    }

    [Fact]
    public async Task GetAvailableResourcesAsync_SpawnAndDestroy_AccountsTheFlavor()
    {
        var driver = await CreateDriverAsync();
        var before = await driver.GetAvailableResourcesAsync(None);
        var spec = TestInstances.New(flavor: TestInstances.Small);

        await driver.SpawnAsync(spec, None);
        var during = await driver.GetAvailableResourcesAsync(None);
        await driver.DestroyAsync(spec.ServerId, None);
        var after = await driver.GetAvailableResourcesAsync(None);

        during.ShouldBe(before with
        {
            VcpusUsed = before.VcpusUsed + 2,
            MemoryMbUsed = before.MemoryMbUsed + 2048,
            DiskGbUsed = before.DiskGbUsed + 20,
        });
        after.ShouldBe(before);
        before.VcpusTotal.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task MigrateDiskAndPowerOffAsync_ThenFinishAndConfirm_HoldsBothFlavorsUntilConfirmed()
    {
        var driver = await CreateDriverAsync();
        var before = await driver.GetAvailableResourcesAsync(None);
        var spec = TestInstances.New(flavor: TestInstances.Tiny);
        await driver.SpawnAsync(spec, None);

        await driver.MigrateDiskAndPowerOffAsync(spec.ServerId, TestInstances.Small, None);
        await driver.FinishMigrationAsync(spec.ServerId, TestInstances.Small, powerOn: true, None);

        (await driver.GetInstanceInfoAsync(spec.ServerId, None)).ShouldBe(
            new InstanceInfo(spec.ServerId, PowerState.Running, TestInstances.Small, TestInstances.Tiny));
        (await driver.GetAvailableResourcesAsync(None)).VcpusUsed.ShouldBe(before.VcpusUsed + 3);

        await driver.ConfirmMigrationAsync(spec.ServerId, None);

        (await driver.GetInstanceInfoAsync(spec.ServerId, None)).ResizePending.ShouldBeFalse();
        (await driver.GetAvailableResourcesAsync(None)).VcpusUsed.ShouldBe(before.VcpusUsed + 2);
    }

    [Fact]
    public async Task FinishRevertMigrationAsync_PendingResize_RestoresOldFlavor()
    {
        var driver = await CreateDriverAsync();
        var spec = TestInstances.New(flavor: TestInstances.Tiny);
        await driver.SpawnAsync(spec, None);
        await driver.MigrateDiskAndPowerOffAsync(spec.ServerId, TestInstances.Small, None);
        await driver.FinishMigrationAsync(spec.ServerId, TestInstances.Small, powerOn: true, None);

        await driver.FinishRevertMigrationAsync(spec.ServerId, powerOn: true, None);

        (await driver.GetInstanceInfoAsync(spec.ServerId, None)).ShouldBe(new InstanceInfo(spec.ServerId, PowerState.Running, TestInstances.Tiny));
    }

    [Fact]
    public async Task RebuildAsync_Existing_RunsWithTheSameFlavor()
    {
        var driver = await CreateDriverAsync();
        var spec = TestInstances.New();
        await driver.SpawnAsync(spec, None);
        await driver.PowerOffAsync(spec.ServerId, TimeSpan.Zero, None);

        await driver.RebuildAsync(spec with { Image = new ImageSpec("debian-12") }, None);

        (await driver.GetInstanceInfoAsync(spec.ServerId, None)).ShouldBe(new InstanceInfo(spec.ServerId, PowerState.Running, spec.Flavor));
    }

    [Fact]
    public async Task GetConsoleOutputAsync_Running_ReturnsText()
    {
        var driver = await CreateDriverAsync();
        var spec = TestInstances.New();
        await driver.SpawnAsync(spec, None);

        (await driver.GetConsoleOutputAsync(spec.ServerId, None)).ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task SpawnAsync_Concurrently_AllInstancesExist()
    {
        var driver = await CreateDriverAsync();
        var specs = Enumerable.Range(0, 4).Select(_ => TestInstances.New()).ToList();

        await Task.WhenAll(specs.Select(s => driver.SpawnAsync(s, None)));

        (await driver.ListInstancesAsync(None)).ShouldBe(specs.Select(s => s.ServerId), ignoreOrder: true);
    }

    [Fact]
    public async Task SnapshotAsync_RunningInstance_WritesARawDiskAndKeepsPowerState()
    {
        var driver = await CreateDriverAsync();
        var spec = TestInstances.New();
        await driver.SpawnAsync(spec, None);
        using var first = new MemoryStream();
        using var second = new MemoryStream();

        await driver.SnapshotAsync(spec.ServerId, first, None);
        await driver.SnapshotAsync(spec.ServerId, second, None);

        first.Length.ShouldBeGreaterThanOrEqualTo(512);
        second.ToArray().ShouldBe(first.ToArray()); // nothing changed in the guest: same disk
        (await driver.GetInstanceInfoAsync(spec.ServerId, None)).PowerState.ShouldBe(PowerState.Running);
    }

    [Fact]
    public async Task SnapshotAsync_Missing_ThrowsInstanceNotFound()
    {
        var driver = await CreateDriverAsync();

        var error = await Should.ThrowAsync<InstanceNotFoundException>(() => driver.SnapshotAsync("no-such-server", Stream.Null, None));
        error.ServerId.ShouldBe("no-such-server");
    }
}

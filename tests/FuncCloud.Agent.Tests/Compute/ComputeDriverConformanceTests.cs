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

    /// <summary>A new instance spec; a real driver overrides it to boot an image it really has.</summary>
    protected virtual InstanceSpec NewInstance(FlavorSpec? flavor = null) => TestInstances.New(flavor: flavor);

    /// <summary>The image a rebuild switches to.</summary>
    protected virtual ImageSpec RebuildImage => new("debian-12");

    private static CancellationToken None => CancellationToken.None;

    [SkippableFact]
    public async Task SpawnAsync_NewInstance_RunsAndIsListed()
    {
        var driver = await CreateDriverAsync();
        var spec = NewInstance();

        await driver.SpawnAsync(spec, None);

        (await driver.GetInstanceInfoAsync(spec.ServerId, None)).ShouldBe(new InstanceInfo(spec.ServerId, PowerState.Running, spec.Flavor));
        (await driver.ListInstancesAsync(None)).ShouldContain(spec.ServerId);
    }

    [SkippableFact]
    public async Task SpawnAsync_ExistingServer_ThrowsInstanceExists()
    {
        var driver = await CreateDriverAsync();
        var spec = NewInstance();
        await driver.SpawnAsync(spec, None);

        await Should.ThrowAsync<InstanceExistsException>(() => driver.SpawnAsync(spec, None));
    }

    [SkippableFact]
    public async Task SpawnAsync_Failure_LeavesNothingBehind()
    {
        var driver = await CreateDriverWhoseNextSpawnFailsAsync();
        var before = await driver.GetAvailableResourcesAsync(None);
        var spec = NewInstance(TestInstances.Small);

        var error = await Should.ThrowAsync<ComputeDriverException>(() => driver.SpawnAsync(spec, None));

        error.ServerId.ShouldBe(spec.ServerId);
        (await driver.ListInstancesAsync(None)).ShouldNotContain(spec.ServerId);
        await Should.ThrowAsync<InstanceNotFoundException>(() => driver.GetInstanceInfoAsync(spec.ServerId, None));
        (await driver.GetAvailableResourcesAsync(None)).ShouldBe(before);
    }

    [SkippableFact]
    public async Task GetInstanceInfoAsync_Missing_ThrowsInstanceNotFound()
    {
        var driver = await CreateDriverAsync();

        var error = await Should.ThrowAsync<InstanceNotFoundException>(() => driver.GetInstanceInfoAsync("no-such-server", None));
        error.ServerId.ShouldBe("no-such-server");
    }

    [SkippableFact]
    public async Task DestroyAsync_Existing_RemovesInstance()
    {
        var driver = await CreateDriverAsync();
        var spec = NewInstance();
        await driver.SpawnAsync(spec, None);

        await driver.DestroyAsync(spec.ServerId, None);

        (await driver.ListInstancesAsync(None)).ShouldNotContain(spec.ServerId);
    }

    [SkippableFact]
    public async Task DestroyAsync_Missing_Succeeds()
    {
        var driver = await CreateDriverAsync();

        await driver.DestroyAsync("never-existed", None);
    }

    [SkippableTheory]
    [InlineData(RebootType.Soft)]
    [InlineData(RebootType.Hard)]
    public async Task RebootAsync_Running_EndsRunning(RebootType type)
    {
        var driver = await CreateDriverAsync();
        var spec = NewInstance();
        await driver.SpawnAsync(spec, None);

        await driver.RebootAsync(spec.ServerId, type, None);

        (await driver.GetInstanceInfoAsync(spec.ServerId, None)).PowerState.ShouldBe(PowerState.Running);
    }

    [SkippableFact]
    public async Task RebootAsync_SoftWhileShutdown_FallsBackToHardAndRuns()
    {
        var driver = await CreateDriverAsync();
        var spec = NewInstance();
        await driver.SpawnAsync(spec, None);
        await driver.PowerOffAsync(spec.ServerId, TimeSpan.Zero, None);

        await driver.RebootAsync(spec.ServerId, RebootType.Soft, None);

        (await driver.GetInstanceInfoAsync(spec.ServerId, None)).PowerState.ShouldBe(PowerState.Running);
    }

    [SkippableFact]
    public async Task PowerOffAsync_ThenPowerOn_ShutdownThenRunning()
    {
        var driver = await CreateDriverAsync();
        var spec = NewInstance();
        await driver.SpawnAsync(spec, None);

        await driver.PowerOffAsync(spec.ServerId, TimeSpan.FromSeconds(1), None);
        (await driver.GetInstanceInfoAsync(spec.ServerId, None)).PowerState.ShouldBe(PowerState.Shutdown);

        await driver.PowerOffAsync(spec.ServerId, TimeSpan.Zero, None); // already off: no error
        await driver.PowerOnAsync(spec.ServerId, None);
        (await driver.GetInstanceInfoAsync(spec.ServerId, None)).PowerState.ShouldBe(PowerState.Running);
    }

    [SkippableFact]
    public async Task PowerOnAsync_Missing_ThrowsInstanceNotFound()
    {
        var driver = await CreateDriverAsync();

        await Should.ThrowAsync<InstanceNotFoundException>(() => driver.PowerOnAsync("missing", None));
    }

    [SkippableFact]
    public async Task PauseAsync_ThenUnpause_PausedThenRunning()
    {
        var driver = await CreateDriverAsync();
        var spec = NewInstance();
        await driver.SpawnAsync(spec, None);

        await driver.PauseAsync(spec.ServerId, None);
        (await driver.GetInstanceInfoAsync(spec.ServerId, None)).PowerState.ShouldBe(PowerState.Paused);

        await driver.UnpauseAsync(spec.ServerId, None);
        (await driver.GetInstanceInfoAsync(spec.ServerId, None)).PowerState.ShouldBe(PowerState.Running);
    }

    [SkippableFact]
    public async Task PauseAsync_Shutdown_ThrowsInvalidState()
    {
        var driver = await CreateDriverAsync();
        var spec = NewInstance();
        await driver.SpawnAsync(spec, None);
        await driver.PowerOffAsync(spec.ServerId, TimeSpan.Zero, None);

        var error = await Should.ThrowAsync<InstanceInvalidStateException>(() => driver.PauseAsync(spec.ServerId, None));
        error.Actual.ShouldBe(PowerState.Shutdown);
    }

    [SkippableFact]
    public async Task SuspendAsync_ThenResume_SuspendedThenRunning()
    {
        var driver = await CreateDriverAsync();
        var spec = NewInstance();
        await driver.SpawnAsync(spec, None);

        await driver.SuspendAsync(spec.ServerId, None);
        (await driver.GetInstanceInfoAsync(spec.ServerId, None)).PowerState.ShouldBe(PowerState.Suspended);

        await driver.ResumeAsync(spec.ServerId, None);
        (await driver.GetInstanceInfoAsync(spec.ServerId, None)).PowerState.ShouldBe(PowerState.Running);
    }

    [SkippableFact]
    public async Task ResumeAsync_Running_ThrowsInvalidState()
    {
        var driver = await CreateDriverAsync();
        var spec = NewInstance();
        await driver.SpawnAsync(spec, None);

        await Should.ThrowAsync<InstanceInvalidStateException>(() => driver.ResumeAsync(spec.ServerId, None));
    }

    [SkippableFact]
    public async Task GetAvailableResourcesAsync_SpawnAndDestroy_AccountsTheFlavor()
    {
        var driver = await CreateDriverAsync();
        var before = await driver.GetAvailableResourcesAsync(None);
        var spec = NewInstance(TestInstances.Small);

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

    [SkippableFact]
    public async Task MigrateDiskAndPowerOffAsync_ThenFinishAndConfirm_HoldsBothFlavorsUntilConfirmed()
    {
        var driver = await CreateDriverAsync();
        var before = await driver.GetAvailableResourcesAsync(None);
        var spec = NewInstance(TestInstances.Tiny);
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

    [SkippableFact]
    public async Task FinishRevertMigrationAsync_PendingResize_RestoresOldFlavor()
    {
        var driver = await CreateDriverAsync();
        var spec = NewInstance(TestInstances.Tiny);
        await driver.SpawnAsync(spec, None);
        await driver.MigrateDiskAndPowerOffAsync(spec.ServerId, TestInstances.Small, None);
        await driver.FinishMigrationAsync(spec.ServerId, TestInstances.Small, powerOn: true, None);

        await driver.FinishRevertMigrationAsync(spec.ServerId, powerOn: true, None);

        (await driver.GetInstanceInfoAsync(spec.ServerId, None)).ShouldBe(new InstanceInfo(spec.ServerId, PowerState.Running, TestInstances.Tiny));
    }

    [SkippableFact]
    public async Task RebuildAsync_Existing_RunsWithTheSameFlavor()
    {
        var driver = await CreateDriverAsync();
        var spec = NewInstance();
        await driver.SpawnAsync(spec, None);
        await driver.PowerOffAsync(spec.ServerId, TimeSpan.Zero, None);

        await driver.RebuildAsync(spec with { Image = RebuildImage }, None);

        (await driver.GetInstanceInfoAsync(spec.ServerId, None)).ShouldBe(new InstanceInfo(spec.ServerId, PowerState.Running, spec.Flavor));
    }

    [SkippableFact]
    public async Task GetConsoleOutputAsync_Running_ReturnsText()
    {
        var driver = await CreateDriverAsync();
        var spec = NewInstance();
        await driver.SpawnAsync(spec, None);

        (await driver.GetConsoleOutputAsync(spec.ServerId, None)).ShouldNotBeNullOrWhiteSpace();
    }

    [SkippableFact]
    public async Task SpawnAsync_Concurrently_AllInstancesExist()
    {
        var driver = await CreateDriverAsync();
        var specs = Enumerable.Range(0, 4).Select(_ => NewInstance()).ToList();

        await Task.WhenAll(specs.Select(s => driver.SpawnAsync(s, None)));

        (await driver.ListInstancesAsync(None)).ShouldBe(specs.Select(s => s.ServerId), ignoreOrder: true);
    }

    [SkippableFact]
    public async Task SnapshotAsync_RunningInstance_WritesARawDiskAndKeepsPowerState()
    {
        var driver = await CreateDriverAsync();
        var spec = NewInstance();
        await driver.SpawnAsync(spec, None);
        // Hashed as written: a real driver's snapshot is the whole root disk (a GiB or more).
        await using var first = new HashingStream();
        await using var second = new HashingStream();

        await driver.SnapshotAsync(spec.ServerId, first, None);
        await driver.SnapshotAsync(spec.ServerId, second, None);

        first.Length.ShouldBeGreaterThanOrEqualTo(512);
        second.Length.ShouldBe(first.Length);
        second.Hash.ShouldBe(first.Hash); // nothing changed in the guest: same disk
        (await driver.GetInstanceInfoAsync(spec.ServerId, None)).PowerState.ShouldBe(PowerState.Running);
    }

    [SkippableFact]
    public async Task SnapshotAsync_Missing_ThrowsInstanceNotFound()
    {
        var driver = await CreateDriverAsync();

        var error = await Should.ThrowAsync<InstanceNotFoundException>(() => driver.SnapshotAsync("no-such-server", Stream.Null, None));
        error.ServerId.ShouldBe("no-such-server");
    }
}

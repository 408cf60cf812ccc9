using FuncCloud.Agent.Compute;
using FuncCloud.Agent.Compute.Libvirt;
using FuncCloud.Shared.Compute;
using Xunit;

namespace FuncCloud.Agent.Tests.Compute.Libvirt;

/// <summary>
/// The driver contract against real QEMU guests (TCG here) booting funccloud-busybox, <c>--nic none</c>.
/// Every domain and folder a test makes carries a random id and is removed afterwards, asserted.
/// </summary>
[Collection(LibvirtCollection.Name)]
public sealed class LibvirtComputeDriverConformanceTests(LibvirtFixture host) : ComputeDriverConformanceTests, IAsyncLifetime
{
    private readonly List<(LibvirtComputeDriver Driver, LibvirtDriverOptions Options)> _drivers = [];

    protected override Task<IComputeDriver> CreateDriverAsync() => Task.FromResult<IComputeDriver>(Track(host.NewDriver()));

    // A machine type QEMU lacks: the spawn fails at define, after the overlay and state file were made.
    protected override Task<IComputeDriver> CreateDriverWhoseNextSpawnFailsAsync() =>
        Task.FromResult<IComputeDriver>(Track(host.NewDriver(o => o.MachineType = "no-such-machine")));

    protected override InstanceSpec NewInstance(FlavorSpec? flavor = null) => TestInstances.New(flavor: flavor) with { Image = host.Image };

    protected override ImageSpec RebuildImage => host.OtherImage;

    public Task InitializeAsync()
    {
        Skip.If(host.SkipReason is not null, host.SkipReason);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var (driver, options) in _drivers)
        {
            await host.CleanUpAsync(driver, options);
        }
    }

    private LibvirtComputeDriver Track((LibvirtComputeDriver Driver, LibvirtDriverOptions Options) created)
    {
        _drivers.Add(created);
        return created.Driver;
    }
}

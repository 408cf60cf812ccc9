using FuncCloud.Shared.Compute;

namespace FuncCloud.Agent.Compute.Fake;

// Resize on the same host: both flavors stay claimed until confirm or revert, as nova's resource tracker does.
public sealed partial class FakeComputeDriver
{
    public Task MigrateDiskAndPowerOffAsync(string serverId, FlavorSpec newFlavor, CancellationToken cancellationToken) =>
        MutateAsync(FakeOperation.MigrateDiskAndPowerOff, serverId, i =>
        {
            if (i.PreviousFlavor is not null)
            {
                throw new ComputeDriverException(serverId, $"Instance {serverId} already has a resize pending; confirm or revert it first.");
            }

            EnsureFits(serverId, newFlavor);
            i.PreviousFlavor = i.Flavor;
            i.Flavor = newFlavor;
            i.State = PowerState.Shutdown;
        }, cancellationToken);

    public Task FinishMigrationAsync(string serverId, FlavorSpec newFlavor, bool powerOn, CancellationToken cancellationToken) =>
        MutateAsync(FakeOperation.FinishMigration, serverId, i =>
        {
            if (i.PreviousFlavor is null || i.Flavor != newFlavor)
            {
                throw new ComputeDriverException(serverId, $"Instance {serverId} has no pending resize to {newFlavor.Name}.");
            }

            i.State = powerOn ? PowerState.Running : PowerState.Shutdown;
        }, cancellationToken);

    public Task ConfirmMigrationAsync(string serverId, CancellationToken cancellationToken) =>
        MutateAsync(FakeOperation.ConfirmMigration, serverId, i => i.PreviousFlavor = null, cancellationToken);

    public Task FinishRevertMigrationAsync(string serverId, bool powerOn, CancellationToken cancellationToken) =>
        MutateAsync(FakeOperation.FinishRevertMigration, serverId, i =>
        {
            if (i.PreviousFlavor is { } previous)
            {
                i.Flavor = previous;
                i.PreviousFlavor = null;
                i.State = powerOn ? PowerState.Running : PowerState.Shutdown;
            }
        }, cancellationToken);
}

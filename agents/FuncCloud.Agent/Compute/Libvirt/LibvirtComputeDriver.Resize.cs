using FuncCloud.Shared.Compute;

namespace FuncCloud.Agent.Compute.Libvirt;

public sealed partial class LibvirtComputeDriver
{
    public async Task MigrateDiskAndPowerOffAsync(string serverId, FlavorSpec newFlavor, CancellationToken cancellationToken)
    {
        var (instance, state) = await FindAsync(serverId, cancellationToken);
        if (instance.PreviousFlavor is not null)
        {
            throw new ComputeDriverException(serverId, $"Instance {serverId} already has a resize awaiting confirm or revert.");
        }

        if (newFlavor.RootGb < instance.Flavor.RootGb)
        {
            throw new ComputeDriverException(serverId, $"Cannot shrink the root disk of {serverId} from {instance.Flavor.RootGb} to {newFlavor.RootGb} GiB.");
        }

        await GuardAsync(serverId, "resize", async () =>
        {
            var name = DomainName(serverId);
            if (state != PowerState.Running || !await ShutdownCleanlyAsync(serverId, _options.ResizeShutdownTimeout, cancellationToken))
            {
                await _virsh.DestroyAsync(name, cancellationToken);
            }

            await _virsh.ManagedSaveRemoveAsync(name, cancellationToken);
            var paths = PathsOf(serverId);
            // The overlay as it was stays beside it until confirm (dropped) or revert (put back).
            File.Copy(paths.Disk, paths.ResizeBackup, overwrite: true);
            await GrowAsync(paths.Disk, newFlavor.RootGb, cancellationToken);
            (instance with { Flavor = newFlavor, PreviousFlavor = instance.Flavor }).Save(paths.State);
        });
    }

    public async Task FinishMigrationAsync(string serverId, FlavorSpec newFlavor, bool powerOn, CancellationToken cancellationToken)
    {
        var (instance, _) = await FindAsync(serverId, cancellationToken);
        await GuardAsync(serverId, "finish resize", async () =>
        {
            var resized = instance with { Flavor = newFlavor };
            resized.Save(PathsOf(serverId).State);
            await DefineAsync(resized, PathsOf(serverId), cancellationToken);
            if (powerOn)
            {
                await _virsh.StartAsync(DomainName(serverId), cancellationToken);
            }
        });
    }

    public async Task ConfirmMigrationAsync(string serverId, CancellationToken cancellationToken)
    {
        var (instance, _) = await FindAsync(serverId, cancellationToken);
        var paths = PathsOf(serverId);
        File.Delete(paths.ResizeBackup);
        (instance with { PreviousFlavor = null }).Save(paths.State);
    }

    public async Task FinishRevertMigrationAsync(string serverId, bool powerOn, CancellationToken cancellationToken)
    {
        var (instance, _) = await FindAsync(serverId, cancellationToken);
        if (instance.PreviousFlavor is not { } previous)
        {
            throw new ComputeDriverException(serverId, $"Instance {serverId} has no resize to revert.");
        }

        await GuardAsync(serverId, "revert resize", async () =>
        {
            var name = DomainName(serverId);
            var paths = PathsOf(serverId);
            await _virsh.DestroyAsync(name, cancellationToken);
            await _virsh.ManagedSaveRemoveAsync(name, cancellationToken);
            if (File.Exists(paths.ResizeBackup))
            {
                File.Move(paths.ResizeBackup, paths.Disk, overwrite: true);
            }

            var reverted = instance with { Flavor = previous, PreviousFlavor = null };
            reverted.Save(paths.State);
            await DefineAsync(reverted, paths, cancellationToken);
            if (powerOn)
            {
                await _virsh.StartAsync(name, cancellationToken);
            }
        });
    }
}

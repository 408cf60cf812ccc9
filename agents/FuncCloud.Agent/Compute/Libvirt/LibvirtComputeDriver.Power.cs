using FuncCloud.Shared.Compute;

namespace FuncCloud.Agent.Compute.Libvirt;

public sealed partial class LibvirtComputeDriver
{
    public async Task RebootAsync(string serverId, RebootType type, CancellationToken cancellationToken)
    {
        var (instance, state) = await FindAsync(serverId, cancellationToken);
        await GuardAsync(serverId, "reboot", async () =>
        {
            // nova's soft reboot: an ACPI shutdown, then a fresh start; a guest that ignores the power button
            // (or is not running) gets a hard reboot instead.
            if (type == RebootType.Soft && state == PowerState.Running
                && await ShutdownCleanlyAsync(serverId, _options.SoftRebootTimeout, cancellationToken))
            {
                await _virsh.StartAsync(DomainName(serverId), cancellationToken);
                return;
            }

            await HardRebootAsync(instance, cancellationToken);
        });
    }

    public async Task PowerOffAsync(string serverId, TimeSpan cleanShutdownTimeout, CancellationToken cancellationToken)
    {
        var (_, state) = await FindAsync(serverId, cancellationToken);
        await GuardAsync(serverId, "power off", async () =>
        {
            switch (state)
            {
                case PowerState.Shutdown:
                    return;
                case PowerState.Suspended:
                    await _virsh.ManagedSaveRemoveAsync(DomainName(serverId), cancellationToken); // off, and stays off
                    return;
                case PowerState.Running when cleanShutdownTimeout > TimeSpan.Zero:
                    if (await ShutdownCleanlyAsync(serverId, cleanShutdownTimeout, cancellationToken))
                    {
                        return;
                    }

                    break;
            }

            await _virsh.DestroyAsync(DomainName(serverId), cancellationToken);
        });
    }

    public async Task PowerOnAsync(string serverId, CancellationToken cancellationToken)
    {
        var (instance, _) = await FindAsync(serverId, cancellationToken);
        await GuardAsync(serverId, "power on", () => HardRebootAsync(instance, cancellationToken)); // as nova's libvirt
    }

    public async Task PauseAsync(string serverId, CancellationToken cancellationToken)
    {
        await RequireAsync(serverId, "pause", [PowerState.Running], cancellationToken);
        await GuardAsync(serverId, "pause", () => _virsh.SuspendAsync(DomainName(serverId), cancellationToken));
    }

    public async Task UnpauseAsync(string serverId, CancellationToken cancellationToken)
    {
        await RequireAsync(serverId, "unpause", [PowerState.Paused], cancellationToken);
        await GuardAsync(serverId, "unpause", () => _virsh.ResumeAsync(DomainName(serverId), cancellationToken));
    }

    public async Task SuspendAsync(string serverId, CancellationToken cancellationToken)
    {
        await RequireAsync(serverId, "suspend", [PowerState.Running, PowerState.Paused], cancellationToken);
        await GuardAsync(serverId, "suspend", () => _virsh.ManagedSaveAsync(DomainName(serverId), cancellationToken));
    }

    public async Task ResumeAsync(string serverId, CancellationToken cancellationToken)
    {
        await RequireAsync(serverId, "resume", [PowerState.Suspended], cancellationToken);
        await GuardAsync(serverId, "resume", () => _virsh.StartAsync(DomainName(serverId), cancellationToken)); // restores the managed save
    }

    public async Task RebuildAsync(InstanceSpec instance, CancellationToken cancellationToken)
    {
        var (current, _) = await FindAsync(instance.ServerId, cancellationToken);
        await GuardAsync(instance.ServerId, "rebuild", async () =>
        {
            var name = DomainName(instance.ServerId);
            await _virsh.DestroyAsync(name, cancellationToken);
            await _virsh.ManagedSaveRemoveAsync(name, cancellationToken);
            var paths = PathsOf(instance.ServerId);
            // The disks are made anew from the new image; the console log and the ports stay.
            var rebuilt = await PrepareDisksAsync(instance with { Ports = current.Ports }, paths, cancellationToken);
            await DefineAsync(rebuilt, paths, cancellationToken);
            await _virsh.StartAsync(name, cancellationToken);
        });
    }

    /// <summary>Destroys whatever runs, drops a managed save, redefines the domain from the state and starts it.</summary>
    private async Task HardRebootAsync(LibvirtInstance instance, CancellationToken cancellationToken)
    {
        var name = DomainName(instance.ServerId);
        await _virsh.DestroyAsync(name, cancellationToken);
        await _virsh.ManagedSaveRemoveAsync(name, cancellationToken);
        await DefineAsync(instance, PathsOf(instance.ServerId), cancellationToken);
        await _virsh.StartAsync(name, cancellationToken);
    }

    /// <summary>Presses the ACPI power button and waits for the guest to turn off; false when it did not in time.</summary>
    private async Task<bool> ShutdownCleanlyAsync(string serverId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var name = DomainName(serverId);
        try
        {
            await _virsh.ShutdownAsync(name, cancellationToken);
        }
        catch (Privileged.HostCommandException)
        {
            return false; // e.g. the guest has not enabled ACPI yet
        }

        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (await _virsh.StateAsync(name, cancellationToken) == PowerState.Shutdown)
            {
                return true;
            }

            await Task.Delay(_options.PollInterval, cancellationToken);
        }

        LogForcedOff(_logger, serverId, timeout);
        return false;
    }

    private async Task RequireAsync(string serverId, string operation, PowerState[] allowed, CancellationToken cancellationToken)
    {
        var (_, state) = await FindAsync(serverId, cancellationToken);
        if (!allowed.Contains(state))
        {
            throw new InstanceInvalidStateException(serverId, operation, state);
        }
    }

    /// <summary>Runs a libvirt operation, turning host failures into a <see cref="ComputeDriverException"/>.</summary>
    private static async Task GuardAsync(string serverId, string operation, Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (Exception e) when (e is Privileged.HostCommandException or IOException or Images.ImageNotAvailableException or Images.ImageVerificationException or ArgumentException or HttpRequestException or Refit.ApiException)
        {
            throw Wrap(serverId, operation, e);
        }
    }
}

using FuncCloud.Shared.Agents.Commands;
using FuncCloud.Shared.Compute;

namespace FuncCloud.Agent.Compute;

/// <summary>
/// The hypervisor behind one node, modelled on nova's <c>nova.virt.driver.ComputeDriver</c>.
/// </summary>
/// <remarks>
/// Contract every implementation keeps (the conformance tests check it):
/// <list type="bullet">
/// <item>Instances are named by the Nova server id only; platform ids (libvirt domain names, UUIDs, paths)
/// never escape the driver.</item>
/// <item><see cref="SpawnAsync"/> either leaves a RUNNING instance or nothing: on failure it cleans up every
/// partial step (disks, domain, taps) before throwing.</item>
/// <item><see cref="DestroyAsync"/> of a server that does not exist succeeds.</item>
/// <item>Operations on a missing server throw <see cref="InstanceNotFoundException"/>; operations not allowed
/// in the current power state throw <see cref="InstanceInvalidStateException"/>; other failures throw a
/// <see cref="ComputeDriverException"/> whose message says what failed.</item>
/// <item>Implementations are thread-safe; the agent serialises commands per server, not per driver.</item>
/// </list>
/// </remarks>
public interface IComputeDriver
{
    /// <summary>The driver's name as registered (<c>fake</c>, <c>libvirt</c>).</summary>
    string Name { get; }

    /// <summary>Prepares the host once before anything else runs (nova's <c>init_host</c>).</summary>
    Task InitHostAsync(string nodeName, CancellationToken cancellationToken);

    /// <summary>Capacity and usage of the host in VCPU, MEMORY_MB, DISK_GB (nova's <c>get_available_resource</c>).</summary>
    Task<HostResources> GetAvailableResourcesAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Reads the counters of every instance and the host's usage in one call (libvirt's <c>virDomainGetStats</c> over
    /// all domains; what the telemetry pollster samples). Instances vanishing meanwhile are left out, never an error.
    /// </summary>
    Task<HostStats> GetStatsAsync(CancellationToken cancellationToken);

    /// <summary>The server ids of every instance on the host (nova's <c>list_instance_uuids</c>).</summary>
    Task<IReadOnlyList<string>> ListInstancesAsync(CancellationToken cancellationToken);

    /// <summary>The instance's actual state (nova's <c>get_info</c>).</summary>
    /// <exception cref="InstanceNotFoundException">No such instance.</exception>
    Task<InstanceInfo> GetInstanceInfoAsync(string serverId, CancellationToken cancellationToken);

    /// <summary>
    /// Creates, plugs and starts a new instance; it ends RUNNING. On any failure the partial work is undone
    /// before the exception propagates.
    /// </summary>
    /// <exception cref="InstanceExistsException">The server already exists on this host.</exception>
    Task SpawnAsync(InstanceSpec instance, CancellationToken cancellationToken);

    /// <summary>Stops and removes the instance with its local disks and taps. Missing instances succeed.</summary>
    Task DestroyAsync(string serverId, CancellationToken cancellationToken);

    /// <summary>Reboots; a soft reboot of a guest that is not running falls back to hard. Ends RUNNING.</summary>
    Task RebootAsync(string serverId, RebootType type, CancellationToken cancellationToken);

    /// <summary>
    /// Powers off: asks the guest first and waits up to <paramref name="cleanShutdownTimeout"/>, then forces it.
    /// Ends SHUTDOWN; an instance already SHUTDOWN is left as is.
    /// </summary>
    Task PowerOffAsync(string serverId, TimeSpan cleanShutdownTimeout, CancellationToken cancellationToken);

    /// <summary>Powers on from any state; ends RUNNING (nova's libvirt does a hard reboot).</summary>
    Task PowerOnAsync(string serverId, CancellationToken cancellationToken);

    /// <summary>Pauses a RUNNING instance; ends PAUSED.</summary>
    /// <exception cref="InstanceInvalidStateException">The instance is not RUNNING.</exception>
    Task PauseAsync(string serverId, CancellationToken cancellationToken);

    /// <summary>Unpauses a PAUSED instance; ends RUNNING.</summary>
    /// <exception cref="InstanceInvalidStateException">The instance is not PAUSED.</exception>
    Task UnpauseAsync(string serverId, CancellationToken cancellationToken);

    /// <summary>Saves a RUNNING or PAUSED instance's memory to disk and stops it; ends SUSPENDED.</summary>
    /// <exception cref="InstanceInvalidStateException">The instance is neither RUNNING nor PAUSED.</exception>
    Task SuspendAsync(string serverId, CancellationToken cancellationToken);

    /// <summary>Restores a SUSPENDED instance; ends RUNNING.</summary>
    /// <exception cref="InstanceInvalidStateException">The instance is not SUSPENDED.</exception>
    Task ResumeAsync(string serverId, CancellationToken cancellationToken);

    /// <summary>
    /// Recreates the instance's disks from <see cref="InstanceSpec.Image"/>, keeping its id and ports; ends RUNNING.
    /// </summary>
    Task RebuildAsync(InstanceSpec instance, CancellationToken cancellationToken);

    /// <summary>
    /// First half of a resize: powers the instance off and prepares disks for <paramref name="newFlavor"/>
    /// (nova's <c>migrate_disk_and_power_off</c>; FuncCloud resizes on the same node). Ends SHUTDOWN with the
    /// resize pending; both flavors count as used until confirm or revert.
    /// </summary>
    Task MigrateDiskAndPowerOffAsync(string serverId, FlavorSpec newFlavor, CancellationToken cancellationToken);

    /// <summary>Second half of a resize: brings the instance up with the new flavor (nova's <c>finish_migration</c>).</summary>
    Task FinishMigrationAsync(string serverId, FlavorSpec newFlavor, bool powerOn, CancellationToken cancellationToken);

    /// <summary>Drops what a pending resize kept for revert (nova's <c>confirm_migration</c>).</summary>
    Task ConfirmMigrationAsync(string serverId, CancellationToken cancellationToken);

    /// <summary>Returns a pending resize to the old flavor (nova's <c>finish_revert_migration</c>).</summary>
    Task FinishRevertMigrationAsync(string serverId, bool powerOn, CancellationToken cancellationToken);

    /// <summary>
    /// Writes a point-in-time copy of the instance's root disk, as a raw disk image, into
    /// <paramref name="destination"/> (nova's <c>snapshot</c>; the caller streams it to the image service and
    /// owns the stream). The instance keeps its power state: a running guest may be briefly paused or
    /// quiesced, as nova's live snapshot does, but ends as it was. Writes sequentially and never holds the
    /// whole disk in memory. On failure the destination may hold part of the disk (the caller aborts the upload).
    /// </summary>
    /// <exception cref="InstanceNotFoundException">No such instance.</exception>
    /// <exception cref="ComputeDriverException">Reading the disk failed; the message says what.</exception>
    Task SnapshotAsync(string serverId, Stream destination, CancellationToken cancellationToken);

    /// <summary>The serial console log (nova's <c>get_console_output</c>).</summary>
    Task<string> GetConsoleOutputAsync(string serverId, CancellationToken cancellationToken);

    /// <summary>
    /// Hot-plugs a volume into the instance at <paramref name="device"/> (nova's <c>attach_volume</c>):
    /// <paramref name="connection"/> is the storage node's connection info (a local path, or an iSCSI target that
    /// QEMU's own libiscsi opens). Attaching a volume that is already attached at that device succeeds.
    /// Drivers without volume support keep this default, which refuses.
    /// </summary>
    /// <exception cref="InstanceNotFoundException">No such instance.</exception>
    /// <exception cref="ComputeDriverException">The hypervisor refused the device; the message says why.</exception>
    Task AttachVolumeAsync(string serverId, string volumeId, string device, VolumeConnectionInfo connection, CancellationToken cancellationToken) =>
        throw new ComputeDriverException(serverId, $"The {Name} driver does not attach volumes.");

    /// <summary>
    /// Unplugs a volume from the instance (nova's <c>detach_volume</c>); a volume that is not attached, or an
    /// instance that no longer exists, succeeds (the guest no longer holds it).
    /// </summary>
    /// <exception cref="ComputeDriverException">The hypervisor could not release the device.</exception>
    Task DetachVolumeAsync(string serverId, string volumeId, CancellationToken cancellationToken) =>
        throw new ComputeDriverException(serverId, $"The {Name} driver does not detach volumes.");

    /// <summary>
    /// Hot-plugs a VIF into the instance (nova's <c>attach_interface</c>): a NIC with the port's MAC on the port's
    /// bridge, its tap named <c>tap</c> + 11 characters of the port id (the name the network driver filters), in the
    /// running guest and in the definition, so it survives a restart. Attaching a port that is already plugged
    /// succeeds. Drivers without interface hot-plug keep this default, which refuses.
    /// </summary>
    /// <exception cref="InstanceNotFoundException">No such instance.</exception>
    /// <exception cref="ComputeDriverException">The hypervisor refused the device; the message says why.</exception>
    Task AttachInterfaceAsync(string serverId, NetworkPortSpec port, CancellationToken cancellationToken) =>
        throw new ComputeDriverException(serverId, $"The {Name} driver does not attach interfaces.");

    /// <summary>
    /// Unplugs a VIF from the instance (nova's <c>detach_interface</c>); a port that is not plugged, or an instance
    /// that no longer exists, succeeds.
    /// </summary>
    /// <exception cref="ComputeDriverException">The hypervisor could not release the device.</exception>
    Task DetachInterfaceAsync(string serverId, NetworkPortSpec port, CancellationToken cancellationToken) =>
        throw new ComputeDriverException(serverId, $"The {Name} driver does not detach interfaces.");
}

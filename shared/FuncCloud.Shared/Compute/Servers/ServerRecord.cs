using FuncCloud.Shared.Compute;

namespace FuncCloud.Shared.Compute.Servers;

/// <summary>
/// A server as the control plane stores it. vm_state, task_state and power_state are kept apart (nova's
/// model); every change goes through <see cref="ServerRepository.UpdateAsync"/> (compare-and-swap) and every
/// action is admitted by <see cref="ServerTransitions"/>.
/// </summary>
public sealed record ServerRecord
{
    public required string Id { get; init; }

    public required string ProjectId { get; init; }

    public required string UserId { get; init; }

    public required string Name { get; init; }

    public string? Description { get; init; }

    public required ServerFlavor Flavor { get; init; }

    /// <summary>The flavor before a resize awaiting confirm/revert; null otherwise.</summary>
    public ServerFlavor? OldFlavor { get; init; }

    public required string ImageId { get; init; }

    public string? KeyName { get; init; }

    /// <summary>Base64 user data as sent.</summary>
    public string? UserData { get; init; }

    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The zone the user asked for (null: any).</summary>
    public string? RequestedAvailabilityZone { get; init; }

    /// <summary>The zone of the node the server runs on.</summary>
    public string? AvailabilityZone { get; init; }

    /// <summary>The node (compute host) the server is placed on; null until scheduled.</summary>
    public string? Host { get; init; }

    public string VmState { get; init; } = VmStates.Building;

    public string? TaskState { get; init; } = TaskStates.Scheduling;

    public PowerState PowerState { get; init; } = PowerState.NoState;

    public bool Locked { get; init; }

    /// <summary><c>admin</c> or <c>owner</c>: who locked it (an owner cannot unlock an admin lock).</summary>
    public string? LockedBy { get; init; }

    public string? LockedReason { get; init; }

    public ServerFault? Fault { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public DateTimeOffset? LaunchedAt { get; init; }

    public DateTimeOffset? TerminatedAt { get; init; }

    public required string ReservationId { get; init; }

    public int LaunchIndex { get; init; }

    public ServerSchedulerHints SchedulerHints { get; init; } = ServerSchedulerHints.None;

    /// <summary><c>none</c>, <c>auto</c>, or explicit network requests (kept for the network service).</summary>
    public ServerNetworkRequest Networks { get; init; } = ServerNetworkRequest.None;

    /// <summary>
    /// The device tags (2.49+) of interfaces on ports nova made from a network (by port id), as nova keeps them on its
    /// virtual interfaces; a user's port keeps its tag in its network request.
    /// </summary>
    public IReadOnlyDictionary<string, string> InterfaceTags { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<BlockDeviceMapping> BlockDevices { get; init; } = [];

    /// <summary>The security group names or ids the boot asked for (empty: the project's <c>default</c>).</summary>
    public IReadOnlyList<string> SecurityGroups { get; init; } = [];

    /// <summary>The volumes attached (or being attached) to the server, with their device names (nova's volume BDMs).</summary>
    public IReadOnlyList<ServerVolumeAttachment> VolumeAttachments { get; init; } = [];

    public bool ConfigDrive { get; init; }

    public string AccessIpv4 { get; init; } = string.Empty;

    public string AccessIpv6 { get; init; } = string.Empty;

    /// <summary>The durable instance id of the workflow that owns the server now (null when none).</summary>
    public string? Operation { get; init; }

    /// <summary>The request id of the delete that is under way (its instance action), while task_state is deleting.</summary>
    public string? DeleteRequestId { get; init; }

    /// <summary>The API status of this server.</summary>
    public string Status => ServerStatus.Of(VmState, TaskState);

    /// <summary>True once the server is gone (404 to the API).</summary>
    public bool IsDeleted => VmState == VmStates.Deleted;
}

/// <summary>The scheduler hints of a boot request that filters act on.</summary>
public sealed record ServerSchedulerHints(
    IReadOnlyList<string> SameHost,
    IReadOnlyList<string> DifferentHost,
    string? Group,
    string? GroupPolicy)
{
    public static readonly ServerSchedulerHints None = new([], [], null, null);
}

/// <summary>What the boot request said about networks: <c>none</c>, <c>auto</c> or explicit requests.</summary>
public sealed record ServerNetworkRequest(string Mode, IReadOnlyList<RequestedNetwork> Requests)
{
    public const string NoneMode = "none";
    public const string AutoMode = "auto";
    public const string ExplicitMode = "explicit";

    public static readonly ServerNetworkRequest None = new(NoneMode, []);
}

/// <summary>One entry of <c>networks</c>: a network uuid, a port, and/or a fixed IP, and a tag.</summary>
public sealed record RequestedNetwork(string? Uuid, string? Port, string? FixedIp, string? Tag);

/// <summary>One validated entry of <c>block_device_mapping_v2</c> (volumes are attached once the volume service exists).</summary>
public sealed record BlockDeviceMapping(
    string SourceType,
    string DestinationType,
    string? Uuid,
    int BootIndex,
    int? VolumeSize,
    bool DeleteOnTermination,
    string? DeviceName);

namespace FuncCloud.Shared.Compute.Metadata;

/// <summary>
/// The nova metadata API as the control plane serves it: everything a guest asks 169.254.169.254 for
/// (<c>/openstack/...</c>, the EC2-style <c>/latest/meta-data/...</c>) lives under <see cref="Root"/>. Guests never
/// reach it directly: a node's metadata proxy (neutron's metadata agent's role) names the instance in
/// <see cref="InstanceIdHeader"/> and proves it with <see cref="SignatureHeader"/>.
/// </summary>
public static class MetadataRoutes
{
    /// <summary>The prefix under which the guest's paths are served.</summary>
    public const string Root = "metadata";

    /// <summary>Every guest path (the catch-all also matches the bare root).</summary>
    public const string Any = Root + "/{*path}";

    /// <summary>
    /// <c>GET ?network_id=&amp;ip=</c>: the <see cref="MetadataInstance"/> behind a guest's address, for a node's
    /// proxy (beside the other node routes; role <c>service</c> or admin).
    /// </summary>
    public const string Instance = "compute/v2.1/os-funccloud-nodes/{node}/metadata-instance";

    /// <summary>
    /// <c>GET</c>: the <see cref="ConfigDriveContents"/> of a server, for the node that builds its config drive (role
    /// <c>service</c> or admin): the same documents the metadata API serves, laid out as nova's ConfigDriveBuilder.
    /// </summary>
    public const string ConfigDrive = "compute/v2.1/os-funccloud-nodes/{node}/config-drive/{serverId}";

    /// <summary>The instance (server) id the proxy resolved from the guest's port.</summary>
    public const string InstanceIdHeader = "X-Instance-ID";

    /// <summary>The instance's project, which must match the server's.</summary>
    public const string TenantIdHeader = "X-Tenant-ID";

    /// <summary>Hex HMAC-SHA256 of the instance id under the shared secret (<see cref="MetadataSignature"/>).</summary>
    public const string SignatureHeader = "X-Instance-ID-Signature";

    /// <summary>The guest's address, as the proxy saw it.</summary>
    public const string ForwardedForHeader = "X-Forwarded-For";

    /// <summary>The network the request came in on, set by the namespace's proxy (haproxy).</summary>
    public const string NetworkIdHeader = "X-Neutron-Network-ID";
}

/// <summary>
/// What a node's metadata proxy asks the controller (route <see cref="MetadataRoutes.Instance"/>, node
/// credential): which instance owns the port with <c>ip</c> on <c>network_id</c> (neutron's metadata agent asks
/// neutron the same question).
/// </summary>
/// <param name="InstanceId">The server id (the port's device_id).</param>
/// <param name="ProjectId">The port's project.</param>
public sealed record MetadataInstance(string InstanceId, string ProjectId);

/// <summary>The files of a server's config drive (route <see cref="MetadataRoutes.ConfigDrive"/>).</summary>
/// <param name="ServerId">The server.</param>
/// <param name="Files">The files, in the drive's layout.</param>
public sealed record ConfigDriveContents(string ServerId, IReadOnlyList<Compute.ConfigDriveFile> Files);

namespace FuncCloud.Shared.Image;

/// <summary>
/// A Glance image as the control plane stores it and other services (compute) read it. Core attributes
/// are typed; everything else (<c>kernel_id</c>, <c>ramdisk_id</c>, <c>hw_*</c>, <c>os_distro</c>...) is a
/// string property, exactly as Glance models "additional properties".
/// </summary>
public sealed record ImageRecord(
    string Id,
    string? Name,
    string Status,
    string Visibility,
    string Owner,
    string? DiskFormat,
    string? ContainerFormat,
    long? Size,
    long? VirtualSize,
    string? Checksum,
    string? OsHashAlgo,
    string? OsHashValue,
    int MinDisk,
    int MinRam,
    bool Protected,
    bool OsHidden,
    IReadOnlyList<string> Tags,
    IReadOnlyDictionary<string, string> Properties,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>The AKI-style kernel image id, when the image boots with a separate kernel.</summary>
    public string? KernelId => Properties.GetValueOrDefault(ImageProperties.KernelId);

    /// <summary>The ARI-style ramdisk image id.</summary>
    public string? RamdiskId => Properties.GetValueOrDefault(ImageProperties.RamdiskId);

    /// <summary>True when the image has data a node can download.</summary>
    public bool HasData => Status is ImageStatus.Active or ImageStatus.Deactivated;

    /// <summary>
    /// Whether a project may see this image (Glance's visibility rules): admins see everything, owners
    /// their own, everyone public and community images, members of a shared image when a membership exists.
    /// </summary>
    public bool IsVisibleTo(string? projectId, bool isAdmin, bool isMember) =>
        isAdmin
        || (projectId is not null && string.Equals(Owner, projectId, StringComparison.Ordinal))
        || Visibility is ImageVisibility.Public or ImageVisibility.Community
        || (Visibility == ImageVisibility.Shared && isMember);
}

/// <summary>Image statuses (Glance's state machine).</summary>
public static class ImageStatus
{
    /// <summary>Created, no data yet.</summary>
    public const string Queued = "queued";

    /// <summary>Data is being uploaded.</summary>
    public const string Saving = "saving";

    /// <summary>Data is available.</summary>
    public const string Active = "active";

    /// <summary>Data upload failed for good.</summary>
    public const string Killed = "killed";

    /// <summary>Removed (transient: deleted records are gone).</summary>
    public const string Deleted = "deleted";

    /// <summary>An admin blocked downloads.</summary>
    public const string Deactivated = "deactivated";

    /// <summary>Data is staged (or being staged) for an interoperable import.</summary>
    public const string Uploading = "uploading";

    /// <summary>An import task is moving the staged data into the store.</summary>
    public const string Importing = "importing";
}

/// <summary>Image visibilities.</summary>
public static class ImageVisibility
{
    /// <summary>Everyone sees it (setting it needs admin).</summary>
    public const string Public = "public";

    /// <summary>Only the owner.</summary>
    public const string Private = "private";

    /// <summary>The owner and accepted members (the default).</summary>
    public const string Shared = "shared";

    /// <summary>Everyone may use it, but it is listed only on request.</summary>
    public const string Community = "community";

    /// <summary>Every valid value.</summary>
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { Public, Private, Shared, Community };
}

/// <summary>Well-known additional properties the compute side reads.</summary>
public static class ImageProperties
{
    /// <summary>The kernel image of an AKI/ARI-style image.</summary>
    public const string KernelId = "kernel_id";

    /// <summary>The ramdisk image of an AKI/ARI-style image.</summary>
    public const string RamdiskId = "ramdisk_id";
}

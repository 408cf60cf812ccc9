namespace FuncCloud.Shared.Compute.Flavors;

/// <summary>
/// A flavor: the size of a server (nova's <c>flavors</c> table). Sizes use nova's units: RAM and swap in
/// MiB, disks in GiB.
/// </summary>
/// <param name="Id">The flavor id (nova allows any string up to 255; devstack's are "1".."5").</param>
/// <param name="Name">Unique name.</param>
/// <param name="Vcpus">Virtual CPUs.</param>
/// <param name="RamMb">RAM in MiB.</param>
/// <param name="DiskGb">Root disk in GiB (0: the image's size).</param>
/// <param name="EphemeralGb">Ephemeral disk in GiB.</param>
/// <param name="SwapMb">Swap in MiB (0: none).</param>
/// <param name="RxtxFactor">Network bandwidth factor (informational).</param>
/// <param name="IsPublic">Public flavors are visible to every project; private ones to the projects in <see cref="Projects"/>.</param>
/// <param name="Disabled">Disabled flavors cannot be booted (<c>OS-FLV-DISABLED:disabled</c>).</param>
/// <param name="Description">Free text (microversion 2.55+).</param>
/// <param name="ExtraSpecs">Key/value scheduling hints.</param>
/// <param name="Projects">Projects a private flavor is shared with (os-flavor-access).</param>
/// <param name="CreatedAt">When it was created.</param>
public sealed record Flavor(
    string Id,
    string Name,
    int Vcpus,
    int RamMb,
    int DiskGb,
    int EphemeralGb,
    int SwapMb,
    double RxtxFactor,
    bool IsPublic,
    bool Disabled,
    string? Description,
    IReadOnlyDictionary<string, string> ExtraSpecs,
    IReadOnlyList<string> Projects,
    DateTimeOffset CreatedAt)
{
    /// <summary>What a compute driver needs to size an instance.</summary>
    public FlavorSpec ToSpec() => new(Name, Vcpus, RamMb, DiskGb, EphemeralGb, SwapMb);

    /// <summary>True when <paramref name="projectId"/> may see and boot this flavor (admins see all).</summary>
    public bool IsVisibleTo(string? projectId, bool isAdmin) =>
        isAdmin || IsPublic || (projectId is not null && Projects.Contains(projectId, StringComparer.Ordinal));
}
